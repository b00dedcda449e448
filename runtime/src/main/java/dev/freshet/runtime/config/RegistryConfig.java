package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code freshet.registry.*}: where applied definitions and materialization intervals are kept. */
@ConfigurationProperties("freshet.registry")
public class RegistryConfig {
  /** The kinds of registry store. */
  public enum Type {
    FILE,
    SQL
  }

  private Type type = Type.FILE;
  private String path = "data/registry.json";
  private String url;
  private String username;
  private String password;

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  /** The file of a file registry, relative to the repository root unless absolute. */
  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  /** The JDBC URL of an SQL registry, e.g. {@code jdbc:postgresql://localhost:5432/freshet}. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
