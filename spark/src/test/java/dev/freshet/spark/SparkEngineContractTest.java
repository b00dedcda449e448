package dev.freshet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.runtime.historical.HistoricalTable;
import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.spark.Parquet.Stat;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.testing.TestRegistry;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on Spark's engine, on {@code local[2]}, and the source paths only Spark reads: a
 * glob and a {@code file:} URI.
 */
class SparkEngineContractTest extends OfflineEngineContract {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.get();
  }

  @Override
  OfflineEngine engine(FeatureRegistry registry, FreshetConfig config) {
    return new SparkOfflineEngine(spark, registry, config);
  }

  @Test
  void aGlobReadsTheFilesItMatchesAndNoOther() throws Exception {
    Files.createDirectories(repo.resolve("split_stats"));
    Parquet.writeStats(repo.resolve("split_stats/part-a.parquet"), EDGE_STATS.subList(0, 2));
    Parquet.writeStats(repo.resolve("split_stats/part-b.parquet"), EDGE_STATS.subList(2, 4));
    // Beside them but not matched: read, it would be driver 2's latest trips at 10:00 (99).
    Parquet.writeStats(
        repo.resolve("split_stats/old-c.parquet"),
        List.of(new Stat(2, at("09:30:00"), at("09:30:00"), 99, 9.9)));

    assertThat(trips(statsAt("glob", "split_stats/part-*.parquet")))
        .isEqualTo(
            List.of(
                Arrays.asList(1L, at("10:00:00"), 2L),
                Arrays.asList(1L, at("13:00:00"), 3L),
                Arrays.asList(2L, at("10:00:00"), 4L)));
  }

  @Test
  void aFileUriIsReadAsSparkReadsIt() throws Exception {
    Parquet.writeStats(repo.resolve("uri_stats.parquet"), EDGE_STATS);
    String uri = repo.resolve("uri_stats.parquet").toUri().toString();

    assertThat(uri).startsWith("file:/");
    assertThat(trips(statsAt("uri", uri)))
        .isEqualTo(
            List.of(
                Arrays.asList(1L, at("10:00:00"), 2L),
                Arrays.asList(1L, at("13:00:00"), 3L),
                Arrays.asList(2L, at("10:00:00"), 4L)));
  }

  /** The trips of drivers 1 at 10:00 and 13:00 and 2 at 10:00, read from {@code source}. */
  private List<List<Object>> trips(dev.freshet.spec.FileSourceSpec source) {
    HistoricalFeatures historical =
        open(new TestRegistry(List.of(source), List.of(tripsOf("trips_view", source.name()))));
    Map<String, List<?>> entities = new LinkedHashMap<>();
    entities.put("driver_id", List.of(1L, 1L, 2L));
    entities.put("event_timestamp", List.of(at("10:00:00"), at("13:00:00"), at("10:00:00")));
    HistoricalTable table =
        historical.read(
            historical.features(List.of("trips_view:trips"), false),
            new EntityRows.Columns(entities));
    return table.rows();
  }
}
