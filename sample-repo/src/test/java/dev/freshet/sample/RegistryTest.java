package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.annotations.AggregationFunction;
import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import dev.freshet.spec.AggregationSpec;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.EntitySpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.MessageFieldSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.RequestSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import dev.freshet.spec.ValueType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated registry holds exactly the reference scenario's definitions. */
class RegistryTest {
  private static final JoinKeySpec DRIVER_ID = new JoinKeySpec("driver_id", ValueType.INT64);
  private static final Duration TTL = Duration.ofSeconds(8_640_000_000L);

  private final FeatureRegistry registry = FeatureRegistry.load(getClass().getClassLoader());

  @Test
  void isFoundThroughServiceLoader() {
    assertThat(registry).isInstanceOf(FreshetRegistry.class);
  }

  @Test
  void listsTheDriverEntity() {
    assertThat(registry.entities())
        .containsExactly(new EntitySpec("driver", List.of(DRIVER_ID), "driver id", Map.of(), ""));
  }

  @Test
  void listsTheFourSources() {
    assertThat(registry.dataSources())
        .containsExactly(
            new KafkaSourceSpec(
                "driver_events",
                "drivers",
                MessageFormat.JSON,
                "",
                "event_timestamp",
                TimestampFormat.DATE_TIME_UTC,
                Duration.ofMinutes(5),
                "driver_stats_source",
                List.of(
                    new MessageFieldSpec("driver_id", ValueType.INT64, false),
                    new MessageFieldSpec("event_timestamp", ValueType.UNIX_TIMESTAMP, false),
                    new MessageFieldSpec("created", ValueType.UNIX_TIMESTAMP, false),
                    new MessageFieldSpec("miles_driven", ValueType.DOUBLE, false)),
                "",
                Map.of(),
                ""),
            new PushSourceSpec("driver_stats_push_source", "driver_stats_source", "", Map.of(), ""),
            new FileSourceSpec(
                "driver_stats_source",
                "data/driver_stats.parquet",
                "event_timestamp",
                "created",
                Map.of(),
                "",
                Map.of(),
                ""),
            RequestSourceSpec.builder("vals_to_add").field("val_to_add", ValueType.INT64).build());
    assertThat(registry.dataSources())
        .extracting(DataSourceSpec::kind)
        .containsExactly("kafka", "push", "file", "request");
  }

  @Test
  void listsBothFeatureViewsWithTheWorkshopTtlTypesAndSchedule() {
    assertThat(registry.featureViews())
        .containsExactly(
            new FeatureViewSpec(
                "driver_daily_features",
                List.of("driver"),
                List.of(DRIVER_ID),
                "driver_stats_push_source",
                TTL,
                true,
                List.of(new FeatureSpec("daily_miles_driven", ValueType.FLOAT, false)),
                "",
                Map.of(),
                ""),
            new FeatureViewSpec(
                "driver_hourly_stats",
                List.of("driver"),
                List.of(DRIVER_ID),
                "driver_stats_source",
                TTL,
                true,
                List.of(
                    new FeatureSpec("conv_rate", ValueType.FLOAT, false),
                    new FeatureSpec("acc_rate", ValueType.FLOAT, false),
                    new FeatureSpec("miles_driven", ValueType.FLOAT, false)),
                "",
                Map.of("production", "True"),
                "",
                "1h"));
  }

  @Test
  void theStreamViewSumsMilesOverADaySlidingHourly() {
    assertThat(registry.streamFeatureViews())
        .containsExactly(
            new StreamFeatureViewSpec(
                "driver_daily_miles_stream",
                "driver_events",
                "driver_daily_features",
                List.of(
                    new AggregationSpec(
                        "daily_miles_driven",
                        AggregationFunction.SUM,
                        "miles_driven",
                        Duration.ofDays(1),
                        Duration.ofHours(1))),
                "",
                Map.of(),
                ""));
  }

  @Test
  void modelV1SelectsConvRateModelV2TheWholeViewAndModelV3TheOnDemandView() {
    assertThat(registry.featureServices())
        .containsExactly(
            new FeatureServiceSpec(
                "model_v1",
                List.of(new FeatureSelectionSpec("driver_hourly_stats", "", List.of("conv_rate"))),
                "",
                Map.of(),
                ""),
            new FeatureServiceSpec(
                "model_v2",
                List.of(
                    new FeatureSelectionSpec(
                        "driver_hourly_stats",
                        "",
                        List.of("conv_rate", "acc_rate", "miles_driven"))),
                "",
                Map.of(),
                ""),
            new FeatureServiceSpec(
                "model_v3",
                List.of(
                    new FeatureSelectionSpec("driver_hourly_stats", "", List.of("conv_rate")),
                    new FeatureSelectionSpec(
                        "transformed_conv_rate",
                        "",
                        List.of("conv_rate_plus_val1", "conv_rate_plus_val2"))),
                "",
                Map.of(),
                ""));
  }

  @Test
  void transformedConvRateAddsTheRequestsValueToTheHourlyRates() {
    OnDemandFeatureViewSpec view = registry.onDemandFeatureView("transformed_conv_rate").get();
    assertThat(view.inputs())
        .containsExactly(
            new OnDemandFeatureViewSpec.Input("driver_hourly_stats", false),
            new OnDemandFeatureViewSpec.Input("vals_to_add", true));
    assertThat(view.writeToOnlineStore()).isFalse();
    // conv_rate, acc_rate, miles_driven of driver_hourly_stats, then val_to_add.
    assertThat(view.transform().apply(List.of(List.of(0.5f, 0.25f, 3f), List.of(1000L))))
        .containsExactly(1000.5, 1000.25);
  }

  @Test
  void everyViewHasAMaterializerAndUnknownViewsNone() {
    assertThat(registry.materializer("driver_hourly_stats"))
        .get()
        .isInstanceOf(DriverHourlyStatsMaterializer.class);
    assertThat(registry.materializer("driver_daily_features"))
        .get()
        .isInstanceOf(DriverDailyFeaturesMaterializer.class);
    assertThat(registry.materializer("driver_hourly_statz")).isEmpty();
  }

  @Test
  void registryJsonIsSortedAndDescribesTheViews() throws Exception {
    String json;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(FeatureRegistry.JSON_RESOURCE)) {
      assertThat(in).isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json.indexOf("\"name\": \"driver_daily_features\""))
        .isPositive()
        .isLessThan(json.indexOf("\"name\": \"driver_hourly_stats\""));
    assertThat(json).contains("\"ttl\": \"100000d\"").contains("\"production\": \"True\"");
  }
}
