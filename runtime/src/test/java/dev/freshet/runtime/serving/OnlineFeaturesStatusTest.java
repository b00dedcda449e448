package dev.freshet.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.logging.FeatureLogs;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.TestRows.Row;
import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.TestRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.BeanProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statuses that need a view the sample does not have: a short ttl, a nullable feature. */
class OnlineFeaturesStatusTest {
  private static final FeatureViewSpec RECENT =
      new FeatureViewSpec(
          "recent_trips",
          List.of("driver"),
          List.of(new JoinKeySpec("driver_id", ValueType.INT64)),
          "src",
          Duration.ofHours(2),
          true,
          List.of(
              new FeatureSpec("trips", ValueType.INT64, false),
              new FeatureSpec("note", ValueType.STRING, true)),
          "",
          Map.of(),
          "");

  @TempDir Path directory;
  private OnlineStore store;

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void staleValuesAreOutsideMaxAgeAndNullsAreNullValue() {
    store = EmbeddedOnlineStore.open(directory, "p");
    Instant now = Instant.now();
    store.write(
        RECENT,
        List.of(
            new Row(1, now.minus(Duration.ofMinutes(30)), 3L, null),
            new Row(2, now.minus(Duration.ofHours(3)), 9L, "old")));
    BeanProvider<OnlineStore> provider = () -> store;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    FeatureLogs noLogs = new FeatureLogs(List.of(), registry(), new FreshetConfig(), meters);
    OnlineFeatures features =
        new OnlineFeatures(
            new ServingIndex(registry()),
            new ServedStore(provider),
            new ServingConfig(),
            meters,
            noLogs,
            registry());

    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    features.handle(
        "{\"features\": [\"recent_trips:trips\", \"recent_trips:note\"], \"entities\": {\"driver_id\": [1, 2, 3]}}"
            .getBytes(StandardCharsets.UTF_8),
        answer);
    String response = answer.toString(StandardCharsets.UTF_8);

    assertThat(response)
        .contains(
            "{\"values\":[3,9,null],\"statuses\":[\"PRESENT\",\"OUTSIDE_MAX_AGE\",\"NOT_FOUND\"]")
        .contains(
            "{\"values\":[null,\"old\",null],\"statuses\":[\"NULL_VALUE\",\"OUTSIDE_MAX_AGE\",\"NOT_FOUND\"]");
  }

  private static FeatureRegistry registry() {
    return new TestRegistry(List.of(), List.of(RECENT));
  }
}
