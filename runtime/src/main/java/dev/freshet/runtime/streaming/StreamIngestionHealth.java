package dev.freshet.runtime.streaming;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code /health} of an ingestion worker: UP while Kafka Streams runs or rebalances, DOWN once it
 * has failed or stopped; a process that does not ingest reports nothing here.
 */
@Singleton
public class StreamIngestionHealth extends AbstractHealthIndicator<Map<String, String>> {
  private final StreamIngestion ingestion;

  public StreamIngestionHealth(StreamIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @Override
  protected Map<String, String> getHealthInformation() {
    KafkaStreams.State state = ingestion.state();
    if (state == null) {
      healthStatus = HealthStatus.UP;
      return Map.of("state", "not started");
    }
    healthStatus =
        state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED
            ? HealthStatus.UP
            : HealthStatus.DOWN;
    return Map.of("state", state.name(), "streams", ingestion.describe());
  }

  @Override
  protected String getName() {
    return "streamIngestion";
  }
}
