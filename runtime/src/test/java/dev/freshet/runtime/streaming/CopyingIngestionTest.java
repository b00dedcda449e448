package dev.freshet.runtime.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.KafkaConfig;
import dev.freshet.runtime.config.StreamingConfig;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import dev.freshet.spec.AggregationSpec;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.MessageFieldSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.LocalKafka;
import dev.freshet.testing.TestRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream view without aggregations, for upstream jobs that compute features themselves: each
 * message is a row, newest wins, and the target's features the stream does not carry keep their
 * stored values. Without repartitioning: the producer keys by driver.
 */
class CopyingIngestionTest {
  private static final KafkaSourceSpec TRIPS =
      new KafkaSourceSpec(
          "trip_features",
          "trips",
          MessageFormat.JSON,
          "",
          "event_timestamp",
          TimestampFormat.ISO_8601,
          Duration.ZERO,
          "",
          List.of(
              new MessageFieldSpec("driver_id", ValueType.INT64, false),
              new MessageFieldSpec("event_timestamp", ValueType.UNIX_TIMESTAMP, false),
              new MessageFieldSpec("avg_speed", ValueType.DOUBLE, false),
              new MessageFieldSpec("note", ValueType.STRING, true)),
          "",
          Map.of(),
          "");
  private static final FeatureViewSpec TRIP_STATS =
      new FeatureViewSpec(
          "trip_stats",
          List.of("driver"),
          List.of(new JoinKeySpec("driver_id", ValueType.INT64)),
          "trips_push",
          Duration.ZERO,
          true,
          List.of(
              new FeatureSpec("avg_speed", ValueType.FLOAT, true),
              new FeatureSpec("rating", ValueType.DOUBLE, true),
              new FeatureSpec("note", ValueType.STRING, true)),
          "",
          Map.of(),
          "");
  private static final StreamFeatureViewSpec TRIP_STREAM =
      new StreamFeatureViewSpec(
          "trip_stream",
          "trip_features",
          "trip_stats",
          List.of(
              new AggregationSpec("avg_speed", null, "avg_speed", Duration.ZERO, Duration.ZERO),
              new AggregationSpec("note", null, "note", Duration.ZERO, Duration.ZERO)),
          "",
          Map.of(),
          "");

  @TempDir Path directory;

  record Row(long driver, Instant eventTimestamp, List<Object> featureValues)
      implements FeatureRow {
    @Override
    public List<Object> joinKeyValues() {
      return List.of(driver);
    }

    @Override
    public Instant createdTimestamp() {
      return null;
    }
  }

  @Test
  void eachMessageIsARowNewestWinsAndOtherFeaturesStay() throws Exception {
    try (LocalKafka kafka = LocalKafka.start();
        OnlineStore store = EmbeddedOnlineStore.open(directory.resolve("online"), "p")) {
      store.write(
          TRIP_STATS,
          List.of(
              new Row(7, Instant.parse("2023-06-01T08:00:00Z"), Arrays.asList(10f, 4.5, "old"))));
      FreshetConfig freshet = new FreshetConfig();
      freshet.setRepoPath(directory.toString());
      KafkaConfig brokers = new KafkaConfig();
      brokers.setBootstrapServers(kafka.bootstrapServers());
      StreamingConfig config = new StreamingConfig();
      config.setRepartition(false);
      TestRegistry registry =
          new TestRegistry(List.of(TRIPS), List.of(TRIP_STATS), List.of(TRIP_STREAM));
      try (StreamIngestion ingestion =
          new StreamIngestion(
              registry, freshet, brokers, config, () -> store, new SimpleMeterRegistry())) {
        ingestion.start();
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer =
            new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
          producer.send(
              new ProducerRecord<>(
                  "trips",
                  "7",
                  "{\"driver_id\": 7, \"event_timestamp\": \"2023-06-01T10:00:00Z\", \"avg_speed\": 50.5, \"note\": \"a\"}"));
          producer.send(
              new ProducerRecord<>(
                  "trips",
                  "7",
                  "{\"driver_id\": 7, \"event_timestamp\": \"2023-06-01T09:00:00Z\", \"avg_speed\": 1.0, \"note\": \"older\"}"));
          producer.send(
              new ProducerRecord<>(
                  "trips",
                  "8",
                  "{\"driver_id\": 8, \"event_timestamp\": \"2023-06-01T11:00:00+01:00\", \"avg_speed\": 30}"));
        }
        ViewRead read =
            new ViewRead(
                TRIP_STATS,
                List.of("avg_speed", "rating", "note"),
                List.of(List.of(7L), List.of(8L)));
        List<StoredRow> expected =
            List.of(
                new StoredRow(
                    Instant.parse("2023-06-01T10:00:00Z"), Arrays.asList(50.5f, 4.5, "a")),
                new StoredRow(
                    Instant.parse("2023-06-01T10:00:00Z"), Arrays.asList(30f, null, null)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<StoredRow> rows = store.read(List.of(read)).get(0);
        while (!rows.equals(expected) && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
          rows = store.read(List.of(read)).get(0);
        }
        assertThat(rows).isEqualTo(expected);
      }
    }
  }
}
