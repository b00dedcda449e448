package dev.freshet.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.logging.FeatureLogs;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.TestRows.Row;
import dev.freshet.runtime.online.WriteTimeViews;
import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.EntitySpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.Materializer;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.RequestSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import dev.freshet.spec.ValueType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On-demand views through {@link OnlineFeatures} on a real embedded store: the transform runs on
 * what the one lookup read and on the request's values, with its inputs' statuses and times.
 */
class OnDemandReadsTest {
  private static final FeatureViewSpec RECENT =
      FeatureViewSpec.builder("recent_trips")
          .entities("driver")
          .joinKey("driver_id", ValueType.INT64)
          .source("src")
          .ttl(Duration.ofHours(2))
          .feature("trips", ValueType.INT64)
          .build();
  private static final RequestSourceSpec ADJUST =
      RequestSourceSpec.builder("adjust").field("add", ValueType.INT64).build();
  private static final OnDemandFeatureViewSpec TRIPS_PLUS =
      OnDemandFeatureViewSpec.builder("trips_plus")
          .view("recent_trips")
          .request("adjust")
          .nullableFeature("trips_plus_add", ValueType.INT64)
          .transform(
              inputs -> {
                long trips = (Long) inputs.get(0).get(0);
                long add = (Long) inputs.get(1).get(0);
                if (add == 13) {
                  throw new IllegalStateException("unlucky");
                }
                return List.of(trips + add);
              })
          .build();

  /** Computed when recent_trips is written, and stored; 13 trips make it throw. */
  private static final OnDemandFeatureViewSpec TRIPS_DOUBLED =
      OnDemandFeatureViewSpec.builder("trips_doubled")
          .view("recent_trips")
          .feature("trips_doubled", ValueType.INT64)
          .transform(
              inputs -> {
                long trips = (Long) inputs.get(0).get(0);
                if (trips == 13) {
                  throw new IllegalStateException("unlucky");
                }
                return List.of(trips * 2);
              })
          .writeToOnlineStore()
          .build();

  @TempDir Path directory;
  private OnlineStore store;
  private OnlineFeatures features;
  private final Instant now = Instant.now();

  @BeforeEach
  void start() {
    FeatureRegistry registry = new Registry();
    store = WriteTimeViews.over(EmbeddedOnlineStore.open(directory, "p"), registry);
    store.write(
        RECENT,
        List.of(
            new Row(1, now.minus(Duration.ofMinutes(30)), 3L),
            new Row(2, now.minus(Duration.ofHours(3)), 9L)));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    features =
        new OnlineFeatures(
            new ServingIndex(registry),
            new ServedStore(() -> store),
            new ServingConfig(),
            meters,
            new FeatureLogs(List.of(), registry, new FreshetConfig(), meters),
            registry);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void theTransformRunsOnTheStoredValuesAndTheRequestsWithTheirStatuses() {
    String response =
        read(
            "{\"features\": [\"trips_plus:trips_plus_add\", \"recent_trips:trips\"],"
                + " \"entities\": {\"driver_id\": [1, 2, 3], \"add\": [10, \"20\", 30]}}");
    // 3 + 10 and 9 + 20 (stale: its input is past the view's 2 h ttl); driver 3 has no row.
    assertThat(response)
        .startsWith(
            "{\"metadata\":{\"feature_names\":[\"driver_id\",\"trips_plus_add\",\"trips\"]}")
        .contains(
            "{\"values\":[13,29,null],\"statuses\":[\"PRESENT\",\"OUTSIDE_MAX_AGE\",\"NOT_FOUND\"],"
                + "\"event_timestamps\":[\""
                + now.minus(Duration.ofMinutes(30))
                + "\",\""
                + now.minus(Duration.ofHours(3))
                + "\",\"1970-01-01T00:00:00Z\"]}")
        .contains(
            "{\"values\":[3,9,null],\"statuses\":[\"PRESENT\",\"OUTSIDE_MAX_AGE\",\"NOT_FOUND\"]");
  }

  @Test
  void aMissingRequestFieldIsAnErrorNamingIt() {
    RequestException refused =
        catchThrowableOfType(
            RequestException.class,
            () ->
                read(
                    "{\"features\": [\"trips_plus:trips_plus_add\"],"
                        + " \"entities\": {\"driver_id\": [1]}}"));
    assertThat(refused.kind()).isEqualTo(ErrorKind.MALFORMED_REQUEST);
    assertThat(refused)
        .hasMessage(
            "the request has no entities.add, which on-demand feature view 'trips_plus' takes from"
                + " request source 'adjust'; send it beside the join keys, one value per entity row");
  }

  @Test
  void aRequestValueOfTheWrongTypeIsAnErrorNamingIt() {
    RequestException refused =
        catchThrowableOfType(
            RequestException.class,
            () ->
                read(
                    "{\"features\": [\"trips_plus:trips_plus_add\"],"
                        + " \"entities\": {\"driver_id\": [1, 2], \"add\": [1, \"many\"]}}"));
    assertThat(refused).hasMessage("entities.add[1] is \"many\", which cannot be read as INT64");
  }

  @Test
  void aTransformThatThrowsIsAnErrorNamingTheViewAndTheRow() {
    RequestException refused =
        catchThrowableOfType(
            RequestException.class,
            () ->
                read(
                    "{\"features\": [\"trips_plus:trips_plus_add\"],"
                        + " \"entities\": {\"driver_id\": [2, 1], \"add\": [1, 13]}}"));
    assertThat(refused.kind()).isEqualTo(ErrorKind.TRANSFORM_FAILED);
    assertThat(refused)
        .hasMessage(
            "the transform of on-demand feature view 'trips_plus' threw IllegalStateException:"
                + " unlucky on entity row 1 (driver_id=1, add=13)");
  }

  @Test
  void aWriteTimeViewIsComputedWhenItsInputIsWrittenAndServedAsStored() {
    // Written by start()'s write of recent_trips: 3 * 2 and 9 * 2, with the inputs' times and ttl.
    assertThat(
            read(
                "{\"features\": [\"trips_doubled:trips_doubled\"], \"entities\": {\"driver_id\": [1, 2, 3]}}"))
        .contains(
            "{\"values\":[6,18,null],\"statuses\":[\"PRESENT\",\"OUTSIDE_MAX_AGE\",\"NOT_FOUND\"],"
                + "\"event_timestamps\":[\""
                + now.minus(Duration.ofMinutes(30))
                + "\",\""
                + now.minus(Duration.ofHours(3))
                + "\",\"1970-01-01T00:00:00Z\"]}");

    // A write whose transform throws writes neither the input view nor the computed one.
    RequestException refused =
        catchThrowableOfType(
            RequestException.class,
            () -> store.write(RECENT, List.of(new Row(1, now, 4L), new Row(3, now, 13L))));
    assertThat(refused.kind()).isEqualTo(ErrorKind.TRANSFORM_FAILED);
    assertThat(refused)
        .hasMessageStartingWith(
            "the transform of on-demand feature view 'trips_doubled' threw IllegalStateException:"
                + " unlucky on row 1 (join keys [3]");
    assertThat(
            read(
                "{\"features\": [\"recent_trips:trips\", \"trips_doubled:trips_doubled\"], \"entities\": {\"driver_id\": [1, 3]}}"))
        .contains("{\"values\":[3,null]")
        .contains("{\"values\":[6,null]");

    store.write(RECENT, List.of(new Row(1, now, 4L)));
    assertThat(
            read(
                "{\"features\": [\"trips_doubled:trips_doubled\"], \"entities\": {\"driver_id\": [1]}}"))
        .contains("{\"values\":[8],\"statuses\":[\"PRESENT\"]");
  }

  private String read(String request) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    features.handle(request.getBytes(StandardCharsets.UTF_8), answer);
    return answer.toString(StandardCharsets.UTF_8);
  }

  private static final class Registry implements FeatureRegistry {
    @Override
    public List<EntitySpec> entities() {
      return List.of();
    }

    @Override
    public List<DataSourceSpec> dataSources() {
      return List.of(ADJUST);
    }

    @Override
    public List<FeatureViewSpec> featureViews() {
      return List.of(RECENT);
    }

    @Override
    public List<StreamFeatureViewSpec> streamFeatureViews() {
      return List.of();
    }

    @Override
    public List<FeatureServiceSpec> featureServices() {
      return List.of();
    }

    @Override
    public List<OnDemandFeatureViewSpec> onDemandFeatureViews() {
      return List.of(TRIPS_PLUS, TRIPS_DOUBLED);
    }

    @Override
    public Optional<Materializer<? extends FeatureRow>> materializer(String featureView) {
      return Optional.empty();
    }
  }
}
