package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code freshet.serving.*}: limits and start-up of the feature server. */
@ConfigurationProperties("freshet.serving")
public class ServingConfig {
  /** Which endpoints a server answers. */
  public enum Role {
    /** Reads and writes. */
    ALL,
    /** {@code /get-online-features} only: a read-only feature server. */
    READ,
    /** {@code /push} and {@code /materialize*} only: a write-only push server. */
    PUSH,
    /**
     * Stream ingestion from Kafka, and no API but {@code /health} and {@code /metrics}: an
     * ingestion worker.
     */
    INGEST
  }

  private int maxEntityRows = 10_000;
  private Role role = Role.ALL;
  private boolean bootstrap = true;
  private boolean directReads = true;
  private String readToken;
  private String writeToken;

  /** The most entity rows one request may ask for; more is answered with 413. */
  public int getMaxEntityRows() {
    return maxEntityRows;
  }

  public void setMaxEntityRows(int maxEntityRows) {
    this.maxEntityRows = maxEntityRows;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  /**
   * Whether {@code serve} on the embedded store applies the definitions and runs {@code
   * materialize-incremental} up to now before it listens.
   */
  public boolean isBootstrap() {
    return bootstrap;
  }

  public void setBootstrap(boolean bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Whether {@code POST /get-online-features} is answered by Freshet's own handler ahead of
   * Micronaut's routing (same responses, less CPU per request); false routes it through Micronaut
   * as every other endpoint.
   */
  public boolean isDirectReads() {
    return directReads;
  }

  public void setDirectReads(boolean directReads) {
    this.directReads = directReads;
  }

  /** When set, reads need {@code Authorization: Bearer <token>}. */
  public String getReadToken() {
    return readToken;
  }

  public void setReadToken(String readToken) {
    this.readToken = readToken;
  }

  /**
   * When set, {@code /push} and {@code /materialize*} need {@code Authorization: Bearer <token>}.
   */
  public String getWriteToken() {
    return writeToken;
  }

  public void setWriteToken(String writeToken) {
    this.writeToken = writeToken;
  }
}
