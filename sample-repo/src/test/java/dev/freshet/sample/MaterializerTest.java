package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.SourceColumns;
import dev.freshet.runtime.offline.ParquetSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated materializers turn records of the real driver_stats.parquet into typed rows. */
class MaterializerTest {
  private static final ParquetSource DRIVER_STATS =
      new ParquetSource(Path.of("data/driver_stats.parquet"));

  @Test
  void readsTheWorkshopValuesOfDriver1001() {
    DriverHourlyStatsMaterializer materializer = new DriverHourlyStatsMaterializer();
    List<DriverHourlyStatsRow> rows = new ArrayList<>();
    DRIVER_STATS.forEach(
        SourceColumns.of(
            FreshetRegistry.VIEW_DRIVER_HOURLY_STATS,
            FreshetRegistry.SOURCE_DRIVER_STATS_SOURCE,
            materializer),
        record -> rows.add(materializer.toRow(record)));

    assertThat(rows).hasSize(1807);
    DriverHourlyStatsRow latest =
        rows.stream()
            .filter(r -> r.driverId() == 1001L)
            .filter(r -> r.eventTimestamp().equals(Instant.parse("2022-03-14T14:00:00Z")))
            .findFirst()
            .orElseThrow();
    assertThat(latest.convRate()).isEqualTo(0.40458846f);
    assertThat(latest.accRate()).isEqualTo(0.40757075f);
    assertThat(latest.createdTimestamp()).isEqualTo(Instant.parse("2022-03-14T15:21:25.842Z"));
    // miles_driven is a DOUBLE column read into a FLOAT feature.
    assertThat(latest.milesDriven()).isEqualTo((float) 46.53329195929919);
    assertThat(latest.joinKeyValues()).containsExactly(1001L);
    assertThat(latest.featureValues())
        .containsExactly(0.40458846f, 0.40757075f, (float) 46.53329195929919);
  }

  @Test
  void aViewOverThePushSourceReadsItsBatchSource() {
    DriverDailyFeaturesMaterializer materializer = new DriverDailyFeaturesMaterializer();
    assertThat(materializer.columns())
        .containsExactly("driver_id", "event_timestamp", "created", "daily_miles_driven");
    List<DriverDailyFeaturesRow> rows = new ArrayList<>();
    DRIVER_STATS.forEach(
        SourceColumns.of(
            FreshetRegistry.VIEW_DRIVER_DAILY_FEATURES,
            FreshetRegistry.SOURCE_DRIVER_STATS_SOURCE,
            materializer),
        record -> rows.add(materializer.toRow(record)));
    DriverDailyFeaturesRow row =
        rows.stream()
            .filter(
                r ->
                    r.driverId() == 1001L
                        && r.eventTimestamp().equals(Instant.parse("2022-03-14T14:00:00Z")))
            .findFirst()
            .orElseThrow();
    assertThat(row.dailyMilesDriven()).isEqualTo((float) 350.65025714145156);
  }
}
