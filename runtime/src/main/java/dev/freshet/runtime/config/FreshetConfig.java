package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;

/** {@code freshet.*}: the project and where the feature repository's files are. */
@ConfigurationProperties("freshet")
public class FreshetConfig {
  private String project = "default";
  private String repoPath = ".";

  /** The project name: keys online values (as Feast's project does) and registry records. */
  public String getProject() {
    return project;
  }

  public void setProject(String project) {
    this.project = project;
  }

  /** The root that relative source paths and data directories resolve against. */
  public String getRepoPath() {
    return repoPath;
  }

  public void setRepoPath(String repoPath) {
    this.repoPath = repoPath;
  }

  /** {@code path} resolved against the repository root, unless absolute. */
  public Path resolve(String path) {
    return Path.of(repoPath).toAbsolutePath().normalize().resolve(path).normalize();
  }
}
