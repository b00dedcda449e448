package dev.freshet.processor;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that check the definitions against their sources' Parquet files, written here by DuckDB
 * under a repository root given as {@code -Afreshet.repoPath}.
 */
class DataRulesTest {
  /** The rows of the fixture repository's {@code data/driver_stats.parquet}. */
  private static final String STATS =
      "SELECT 1001::BIGINT AS driver_id, TIMESTAMP '2021-04-12 10:59:42' AS event_timestamp,"
          + " TIMESTAMP '2021-04-12 11:00:00' AS created, 0.5::FLOAT AS conv_rate,"
          + " 0.9::FLOAT AS acc_rate, 12.5::FLOAT AS daily_miles_driven, 3::BIGINT AS trips";

  private static final String COLUMNS =
      "[driver_id, event_timestamp, created, conv_rate, acc_rate, daily_miles_driven, trips]";

  @TempDir Path repository;

  private Fixtures withStats(String select) {
    ParquetFiles.write(repository.resolve("data/driver_stats.parquet"), select);
    return new Fixtures().readingFiles(repository, ParquetFiles.DUCKDB);
  }

  @Test
  void definitionsThatMatchTheirFileCompileCleanly() {
    withStats(STATS).assertCompilesCleanly();
  }

  @Test
  void aSourceWhoseFileIsNotThereSaysNothing() {
    new Fixtures().readingFiles(repository, ParquetFiles.DUCKDB).assertCompilesCleanly();
  }

  @Test
  void aFeatureWhoseColumnIsMissingIsAnErrorOnTheFeature() {
    withStats(STATS.replace("AS conv_rate", "AS conv_rat"))
        .assertOneError(
            "HourlyStats",
            "float convRate();",
            "[FRESHET-FV-009] feature 'conv_rate' of feature view 'hourly_stats' reads column"
                + " 'conv_rate', but data/driver_stats.parquet has no such column; its columns are"
                + " [driver_id, event_timestamp, created, conv_rat, acc_rate, daily_miles_driven,"
                + " trips]. Did you mean conv_rat? Rename the feature with @Name, or map the column"
                + " to it with @FieldMapping on the source");
  }

  @Test
  void aFeatureWhoseColumnHasAnotherTypeIsAnErrorOnTheFeature() {
    withStats(STATS.replace("0.5::FLOAT AS conv_rate", "'high' AS conv_rate"))
        .assertOneError(
            "HourlyStats",
            "float convRate();",
            "[FRESHET-FV-010] feature 'conv_rate' of feature view 'hourly_stats' is declared float"
                + " (FLOAT), but column 'conv_rate' of data/driver_stats.parquet is VARCHAR, which"
                + " cannot be read as FLOAT; declare it as `String convRate();`");
  }

  @Test
  void aWiderIntegerColumnThanTheFeatureIsAnError() {
    withStats(STATS.replace("3::BIGINT AS trips", "3::BIGINT AS trips, 7::BIGINT AS rides"))
        .put(
            "DailyFeatures",
            """
            @FeatureView(entities = Driver.class, source = StatsPush.class, ttl = "1d")
            public interface DailyFeatures {
              float dailyMilesDriven();
              long trips();
              int rides();
            }
            """)
        .assertOneError(
            "DailyFeatures",
            "int rides();",
            "[FRESHET-FV-010] feature 'rides' of feature view 'daily_features' is declared int"
                + " (INT32), but column 'rides' of data/driver_stats.parquet is BIGINT, which"
                + " cannot be read as INT32; declare it as `long rides();`");
  }

  @Test
  void aMappedFeatureIsCheckedAgainstItsColumn() {
    withStats(STATS.replace("AS conv_rate", "AS cr"))
        .put(
            "StatsSource",
            """
            @FileSource(
                path = "data/driver_stats.parquet",
                timestampField = "event_timestamp",
                createdTimestampColumn = "created",
                fieldMapping = @FieldMapping(column = "cr", feature = "conv_rate"))
            public interface StatsSource {}
            """)
        .assertCompilesCleanly();
  }

  @Test
  void aJoinKeyWhoseColumnIsMissingIsOneErrorOnTheEntity() {
    // Both views of the fixture read the file: the key is reported once.
    withStats(STATS.replace("AS driver_id", "AS driver"))
        .assertOneError(
            "Driver",
            "long driverId();",
            "[FRESHET-ENT-004] join key 'driver_id' of entity 'driver' is read from column"
                + " 'driver_id' of data/driver_stats.parquet (the source of feature view"
                + " 'daily_features'), but it has no such column; its columns are [driver,"
                + " event_timestamp, created, conv_rate, acc_rate, daily_miles_driven, trips]. Did"
                + " you mean driver? Rename the key with @Name, or map the column to it with"
                + " @FieldMapping on the source");
  }

  @Test
  void aJoinKeyWhoseColumnHasAnotherTypeIsAnErrorOnTheEntity() {
    withStats(STATS.replace("1001::BIGINT AS driver_id", "'1001' AS driver_id"))
        .assertOneError(
            "Driver",
            "long driverId();",
            "[FRESHET-ENT-005] join key 'driver_id' of entity 'driver' is declared long (INT64), but"
                + " column 'driver_id' of data/driver_stats.parquet is VARCHAR, which cannot be read"
                + " as INT64; declare it as `String driverId();`");
  }

  @Test
  void aMissingTimestampColumnIsAnErrorOnTheAttribute() {
    withStats(STATS.replace("AS event_timestamp", "AS ts"))
        .assertOneError(
            "StatsSource",
            "timestampField = \"event_timestamp\"",
            "[FRESHET-SRC-012] timestampField 'event_timestamp' of file source 'stats_source' is"
                + " not a column of data/driver_stats.parquet; its columns are [driver_id, ts,"
                + " created, conv_rate, acc_rate, daily_miles_driven, trips]. Name the column that"
                + " holds it");
  }

  @Test
  void aMissingCreatedColumnIsAnErrorOnTheAttribute() {
    withStats(STATS.replace("AS created", "AS create"))
        .assertOneError(
            "StatsSource",
            "createdTimestampColumn = \"created\"",
            "[FRESHET-SRC-012] createdTimestampColumn 'created' of file source 'stats_source' is not"
                + " a column of data/driver_stats.parquet; its columns are [driver_id,"
                + " event_timestamp, create, conv_rate, acc_rate, daily_miles_driven, trips]. Did"
                + " you mean create? Name the column that holds it");
  }

  @Test
  void aTimestampColumnThatIsNoTimestampIsAnError() {
    withStats(
            STATS.replace(
                "TIMESTAMP '2021-04-12 10:59:42' AS event_timestamp",
                "1618225182::BIGINT AS event_timestamp"))
        .assertOneError(
            "StatsSource",
            "timestampField = \"event_timestamp\"",
            "[FRESHET-SRC-013] timestampField 'event_timestamp' of file source 'stats_source' is"
                + " column 'event_timestamp' of data/driver_stats.parquet, which is BIGINT; it must"
                + " be a timestamp or a date: name such a column, or write this one as a timestamp");
  }

  @Test
  void aDirectorySourceIsCheckedAgainstOneOfItsFilesAndItsPartitions() {
    ParquetFiles.write(
        repository.resolve("data/stats/region=eu/part-0.parquet"),
        STATS.replace("AS acc_rate", "AS accuracy"));
    new Fixtures()
        .readingFiles(repository, ParquetFiles.DUCKDB)
        .put(
            "StatsSource",
            """
            @FileSource(
                path = "data/stats",
                timestampField = "event_timestamp",
                createdTimestampColumn = "created")
            public interface StatsSource {}
            """)
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class, ttl = "8640000000s")
            public interface HourlyStats {
              float convRate();
              float accRate();
              String region();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "float accRate();",
            "[FRESHET-FV-009] feature 'acc_rate' of feature view 'hourly_stats' reads column"
                + " 'acc_rate', but data/stats/region=eu/part-0.parquet has no such column; its"
                + " columns are [driver_id, event_timestamp, created, conv_rate, accuracy,"
                + " daily_miles_driven, trips, region].");
  }

  @Test
  void aViewOverAPushSourceIsCheckedAgainstItsBatchSourcesFile() {
    ParquetFiles.write(repository.resolve("data/driver_stats.parquet"), STATS);
    ParquetFiles.write(
        repository.resolve("data/daily.parquet"),
        "SELECT 1001::BIGINT AS driver_id, TIMESTAMP '2021-04-12 10:59:42' AS event_timestamp,"
            + " 12.5::FLOAT AS miles, 3::BIGINT AS trips");
    new Fixtures()
        .readingFiles(repository, ParquetFiles.DUCKDB)
        .put(
            "DailySource",
            """
            @FileSource(path = "data/daily.parquet")
            public interface DailySource {}
            """)
        .put(
            "StatsPush",
            """
            @PushSource(batchSource = DailySource.class)
            public interface StatsPush {}
            """)
        .assertOneError(
            "DailyFeatures",
            "float dailyMilesDriven();",
            "[FRESHET-FV-009] feature 'daily_miles_driven' of feature view 'daily_features' reads"
                + " column 'daily_miles_driven', but data/daily.parquet has no such column; its"
                + " columns are [driver_id, event_timestamp, miles, trips].");
  }
}
