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

/**
 * One request reading views of two entities: each row gets its own entity's values in every view.
 */
class OnlineFeaturesEntitiesTest {
  private static final JoinKeySpec DRIVER = new JoinKeySpec("driver_id", ValueType.INT64);
  private static final JoinKeySpec CUSTOMER = new JoinKeySpec("customer_id", ValueType.INT64);
  private static final FeatureViewSpec TRIPS = view("trips", "driver", DRIVER);
  private static final FeatureViewSpec RATING = view("rating", "customer", CUSTOMER);
  private static final FeatureViewSpec SPEND = view("spend", "driver", DRIVER);

  private static final Instant AT = Instant.parse("2022-03-14T14:00:00Z");

  @TempDir Path directory;
  private OnlineStore store;

  @AfterEach
  void close() {
    store.close();
  }

  private static FeatureViewSpec view(String name, String entity, JoinKeySpec joinKey) {
    return new FeatureViewSpec(
        name,
        List.of(entity),
        List.of(joinKey),
        "src",
        Duration.ZERO,
        true,
        List.of(new FeatureSpec(name, ValueType.INT64, false)),
        "",
        Map.of(),
        "");
  }

  @Test
  void rowsReadEachViewByItsOwnJoinKey() {
    store = EmbeddedOnlineStore.open(directory, "p");
    store.write(TRIPS, List.of(new Row(1, AT, 10L), new Row(2, AT, 20L)));
    store.write(RATING, List.of(new Row(7, AT, 5L), new Row(8, AT, 4L)));
    store.write(SPEND, List.of(new Row(1, AT, 100L), new Row(2, AT, 200L)));
    FeatureRegistry registry = new TestRegistry(List.of(), List.of(TRIPS, RATING, SPEND));
    BeanProvider<OnlineStore> provider = () -> store;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    FeatureLogs noLogs = new FeatureLogs(List.of(), registry, new FreshetConfig(), meters);
    OnlineFeatures features =
        new OnlineFeatures(
            new ServingIndex(registry),
            new ServedStore(provider),
            new ServingConfig(),
            meters,
            noLogs,
            registry);

    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    features.handle(
        ("{\"features\": [\"trips:trips\", \"rating:rating\", \"spend:spend\"],"
                + " \"entities\": {\"driver_id\": [2, 1, 2, 3], \"customer_id\": [8, 8, 7, 7]}}")
            .getBytes(StandardCharsets.UTF_8),
        answer);

    assertThat(answer.toString(StandardCharsets.UTF_8))
        .contains(
            "\"feature_names\":[\"driver_id\",\"customer_id\",\"trips\",\"rating\",\"spend\"]")
        .contains(
            "{\"values\":[20,10,20,null],\"statuses\":[\"PRESENT\",\"PRESENT\",\"PRESENT\",\"NOT_FOUND\"]")
        .contains(
            "{\"values\":[4,4,5,5],\"statuses\":[\"PRESENT\",\"PRESENT\",\"PRESENT\",\"PRESENT\"]")
        .contains(
            "{\"values\":[200,100,200,null],\"statuses\":[\"PRESENT\",\"PRESENT\",\"PRESENT\",\"NOT_FOUND\"]");
  }
}
