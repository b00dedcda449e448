package dev.freshet.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.annotations.AggregationFunction;
import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each builder gives the record its canonical constructor gives, with the annotations' defaults.
 */
class SpecBuildersTest {

  @Test
  void aBuilderLeftAloneHasTheDefaultsOfItsAnnotation() {
    assertThat(FileSourceSpec.builder("s").build())
        .isEqualTo(new FileSourceSpec("s", "", "event_timestamp", "", Map.of(), "", Map.of(), ""));
    assertThat(KafkaSourceSpec.builder("k").build())
        .isEqualTo(
            new KafkaSourceSpec(
                "k",
                "",
                MessageFormat.JSON,
                "",
                "event_timestamp",
                TimestampFormat.ISO_8601,
                Duration.ZERO,
                "",
                List.of(),
                "",
                Map.of(),
                ""));
    assertThat(FeatureViewSpec.builder("v").build())
        .isEqualTo(
            new FeatureViewSpec(
                "v",
                List.of(),
                List.of(),
                "",
                Duration.ZERO,
                true,
                List.of(),
                "",
                Map.of(),
                "",
                ""));
    assertThat(EntitySpec.builder("e").build())
        .isEqualTo(new EntitySpec("e", List.of(), "", Map.of(), ""));
    assertThat(PushSourceSpec.builder("p").build())
        .isEqualTo(new PushSourceSpec("p", "", "", Map.of(), ""));
    assertThat(StreamFeatureViewSpec.builder("sv").build())
        .isEqualTo(new StreamFeatureViewSpec("sv", "", "", List.of(), "", Map.of(), ""));
    assertThat(FeatureServiceSpec.builder("fs").build())
        .isEqualTo(new FeatureServiceSpec("fs", List.of(), "", Map.of(), ""));
  }

  @Test
  void everyPartSetByNameLandsInItsComponentInOrder() {
    FeatureViewSpec view =
        FeatureViewSpec.builder("trips")
            .entities("driver", "rider")
            .joinKey("driver_id", ValueType.INT64)
            .joinKey("rider_id", ValueType.STRING)
            .source("trips_source")
            .ttl(Duration.ofDays(1))
            .online(false)
            .feature("fare", ValueType.DOUBLE)
            .nullableFeature("city", ValueType.STRING)
            .schedule("1h")
            .description("trips")
            .tag("team", "pricing")
            .tag("production", "True")
            .owner("pricing@example.com")
            .build();

    assertThat(view)
        .isEqualTo(
            new FeatureViewSpec(
                "trips",
                List.of("driver", "rider"),
                List.of(
                    new JoinKeySpec("driver_id", ValueType.INT64),
                    new JoinKeySpec("rider_id", ValueType.STRING)),
                "trips_source",
                Duration.ofDays(1),
                false,
                List.of(
                    new FeatureSpec("fare", ValueType.DOUBLE, false),
                    new FeatureSpec("city", ValueType.STRING, true)),
                "trips",
                Map.of("production", "True", "team", "pricing"),
                "pricing@example.com",
                "1h"));
    assertThat(view.tags().keySet()).containsExactly("production", "team");
  }

  @Test
  void sourcesStreamsAndServicesTakeTheirOwnParts() {
    assertThat(
            FileSourceSpec.builder("stats")
                .path("data/stats.parquet")
                .timestampField("ts")
                .createdTimestampColumn("created")
                .fieldMapping("cr", "conv_rate")
                .build())
        .isEqualTo(
            new FileSourceSpec(
                "stats",
                "data/stats.parquet",
                "ts",
                "created",
                Map.of("cr", "conv_rate"),
                "",
                Map.of(),
                ""));
    assertThat(
            KafkaSourceSpec.builder("events")
                .topic("drivers")
                .format(MessageFormat.AVRO)
                .avroSchema("{}")
                .timestampFormat(TimestampFormat.EPOCH_MILLIS)
                .watermarkDelay(Duration.ofMinutes(5))
                .batchSource("stats")
                .field("driver_id", ValueType.INT64)
                .nullableField("city", ValueType.STRING)
                .build()
                .fields())
        .containsExactly(
            new MessageFieldSpec("driver_id", ValueType.INT64, false),
            new MessageFieldSpec("city", ValueType.STRING, true));
    assertThat(
            StreamFeatureViewSpec.builder("miles")
                .source("events")
                .targetView("daily")
                .aggregation(
                    "miles",
                    AggregationFunction.SUM,
                    "miles_driven",
                    Duration.ofDays(1),
                    Duration.ofHours(1))
                .plainFeature("city", "city")
                .build()
                .aggregations())
        .containsExactly(
            new AggregationSpec(
                "miles",
                AggregationFunction.SUM,
                "miles_driven",
                Duration.ofDays(1),
                Duration.ofHours(1)),
            new AggregationSpec("city", null, "city", Duration.ZERO, Duration.ZERO));
    assertThat(
            FeatureServiceSpec.builder("model")
                .select("hourly", List.of("conv_rate"))
                .selectAs("hourly", "h2", List.of("acc_rate"))
                .build()
                .selections())
        .containsExactly(
            new FeatureSelectionSpec("hourly", "", List.of("conv_rate")),
            new FeatureSelectionSpec("hourly", "h2", List.of("acc_rate")));
  }
}
