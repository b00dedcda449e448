package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code freshet.streaming.*}: the Kafka Streams application that runs the stream feature views.
 */
@ConfigurationProperties("freshet.streaming")
public class StreamingConfig {
  private String applicationId;
  private String stateDir = "data/streams";
  private String deadLetterTopic;
  private boolean repartition = true;
  private boolean exactlyOnce = true;
  private Duration commitInterval = Duration.ofMillis(100);
  private int threads = 1;
  private Duration writeRetryTimeout = Duration.ofMinutes(5);
  private Duration idleTimeout = Duration.ofSeconds(30);

  /**
   * The Kafka Streams application id: instances with the same id share the work, partition by
   * partition. Unset: {@code freshet-<project>}.
   */
  public String getApplicationId() {
    return applicationId;
  }

  public void setApplicationId(String applicationId) {
    this.applicationId = applicationId;
  }

  /** Where the window state lives on disk (RocksDB, backed by changelog topics). */
  public String getStateDir() {
    return stateDir;
  }

  public void setStateDir(String stateDir) {
    this.stateDir = stateDir;
  }

  /** When set, malformed messages are copied there, as they came, with headers saying why. */
  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  public void setDeadLetterTopic(String deadLetterTopic) {
    this.deadLetterTopic = deadLetterTopic;
  }

  /**
   * Whether events are re-partitioned by entity before aggregation, through an internal topic. Turn
   * it off only when producers key every message by the entity's join key, so that one entity's
   * events are in one partition (the emit-events command does).
   */
  public boolean isRepartition() {
    return repartition;
  }

  public void setRepartition(boolean repartition) {
    this.repartition = repartition;
  }

  /** Kafka Streams' exactly-once processing (v2); off: at least once. */
  public boolean isExactlyOnce() {
    return exactlyOnce;
  }

  public void setExactlyOnce(boolean exactlyOnce) {
    this.exactlyOnce = exactlyOnce;
  }

  /** How often progress is committed, and so how often results are written online. */
  public Duration getCommitInterval() {
    return commitInterval;
  }

  public void setCommitInterval(Duration commitInterval) {
    this.commitInterval = commitInterval;
  }

  /** Stream threads of this instance. */
  public int getThreads() {
    return threads;
  }

  public void setThreads(int threads) {
    this.threads = threads;
  }

  /**
   * How long a failing online write (store down) is retried, consuming nothing meanwhile, before
   * the task restarts from its last commit.
   */
  public Duration getWriteRetryTimeout() {
    return writeRetryTimeout;
  }

  public void setWriteRetryTimeout(Duration writeRetryTimeout) {
    this.writeRetryTimeout = writeRetryTimeout;
  }

  /**
   * How long a source partition that sends an aggregating task nothing may hold the task's
   * watermark back; after it, the watermark is the other partitions' until it sends again.
   */
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  public void setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }
}
