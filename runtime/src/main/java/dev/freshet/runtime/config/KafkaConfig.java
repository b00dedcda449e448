package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code kafka.*}: where the brokers are. The environment variable {@code KAFKA_BOOTSTRAP_SERVERS}
 * sets {@code kafka.bootstrap-servers}, as Micronaut maps every variable.
 */
@ConfigurationProperties("kafka")
public class KafkaConfig {
  private String bootstrapServers;

  /** {@code host:port[,host:port...]}; unset: no stream ingestion. */
  public String getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public boolean isConfigured() {
    return bootstrapServers != null && !bootstrapServers.isBlank();
  }
}
