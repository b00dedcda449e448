package dev.freshet.runtime.config;

import dev.freshet.runtime.time.AcceptedTimes;
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
  private java.time.Instant earliestTimestamp = AcceptedTimes.DEFAULT_EARLIEST;
  private java.time.Instant latestTimestamp = AcceptedTimes.DEFAULT_LATEST;
  private long maxDecodingBytes;
  private int maxConnections;
  private String readToken;
  private String writeToken;
  private String managementToken;
  private boolean publicHealthDetails;

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

  /**
   * The request bytes decoded at once across all requests; a request that does not fit is a 503 at
   * once. 0 (the default): a thirty-second of the heap, at least micronaut.server.max-request-size.
   */
  public long getMaxDecodingBytes() {
    return maxDecodingBytes;
  }

  public void setMaxDecodingBytes(long maxDecodingBytes) {
    this.maxDecodingBytes = maxDecodingBytes;
  }

  /**
   * The most open connections; past it the idlest are closed. 0 (the default): the process's
   * file-descriptor limit less 1,024.
   */
  public int getMaxConnections() {
    return maxConnections;
  }

  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  /** The earliest event time a request or a stream message may carry ({@link AcceptedTimes}). */
  public java.time.Instant getEarliestTimestamp() {
    return earliestTimestamp;
  }

  public void setEarliestTimestamp(java.time.Instant earliestTimestamp) {
    this.earliestTimestamp = earliestTimestamp;
  }

  /** The latest event time a request or a stream message may carry ({@link AcceptedTimes}). */
  public java.time.Instant getLatestTimestamp() {
    return latestTimestamp;
  }

  public void setLatestTimestamp(java.time.Instant latestTimestamp) {
    this.latestTimestamp = latestTimestamp;
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

  /**
   * When set, {@code /metrics} and {@code /schedules} need {@code Authorization: Bearer <token>},
   * and {@code /health} shows its details (store paths, addresses) only to requests with it.
   */
  public String getManagementToken() {
    return managementToken;
  }

  public void setManagementToken(String managementToken) {
    this.managementToken = managementToken;
  }

  /**
   * Whether {@code /health} shows its details (store paths and addresses, errors) to every request;
   * false: only to requests with the management token (or the read token without one).
   */
  public boolean isPublicHealthDetails() {
    return publicHealthDetails;
  }

  public void setPublicHealthDetails(boolean publicHealthDetails) {
    this.publicHealthDetails = publicHealthDetails;
  }
}
