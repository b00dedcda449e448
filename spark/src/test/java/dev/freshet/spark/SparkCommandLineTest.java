package dev.freshet.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.testing.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands with {@code --engine spark}, run as a user runs them (configuration as system
 * properties, Spark settings passed through as {@code spark.*} ones), on the workshop's file: the
 * same training data as DuckDB's, and materialize-incremental into a real redis-server.
 */
class SparkCommandLineTest {
  static final String FEATURES =
      "driver_hourly_stats:conv_rate,driver_hourly_stats:acc_rate,"
          + "driver_daily_features:daily_miles_driven";

  static RedisServerProcess redis;

  @TempDir Path repo;
  Map<String, String> properties;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void repository() throws Exception {
    Files.createDirectories(repo.resolve("data"));
    Files.copy(
        Path.of("..", "sample-repo", "data", "driver_stats.parquet"),
        repo.resolve("data/driver_stats.parquet"));
    Files.writeString(
        repo.resolve("entities.csv"),
        "driver_id,event_timestamp,label\n"
            + "1001,2021-04-12 10:59:42,1\n"
            + "1002,2021-04-12 08:12:10,0\n"
            + "1003,2021-04-12 16:40:26,1\n"
            + "1004,2021-04-12 15:01:12,0\n");
    properties = new HashMap<>();
    properties.put("freshet.repo-path", repo.toString());
    properties.put("freshet.offline.spark.master", "local[2]");
    properties.put("spark.sql.shuffle.partitions", "4");
    properties.put("spark.ui.enabled", "false");
    properties.put("spark.driver.host", "127.0.0.1");
    properties.put("spark.driver.bindAddress", "127.0.0.1");
  }

  private Cli.Result historical(String engine, Path out) {
    return Cli.run(
        properties,
        "get-historical-features",
        "--engine",
        engine,
        "--entities",
        repo.resolve("entities.csv").toString(),
        "--features",
        FEATURES,
        "--out",
        out.toString());
  }

  static List<String> rows(Path parquet) throws Exception {
    return Parquet.query(
        "SELECT driver_id, strftime(event_timestamp, '%Y-%m-%d %H:%M:%S'), label, conv_rate,"
            + " acc_rate, daily_miles_driven FROM read_parquet('"
            + parquet
            + "', file_row_number = true) ORDER BY file_row_number");
  }

  @Test
  void getHistoricalFeaturesOnSparkGivesDuckDbsTrainingData() throws Exception {
    Path duck = repo.resolve("duckdb.parquet");
    Path spark = repo.resolve("spark.parquet");

    Cli.Result onDuckDb = historical("duckdb", duck);
    Cli.Result onSpark = historical("spark", spark);

    assertThat(onDuckDb.exitCode()).as(onDuckDb.err()).isZero();
    assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
    assertThat(onSpark.out()).startsWith("wrote 4 rows with 3 features to " + spark);
    assertThat(rows(spark)).isEqualTo(rows(duck));
    String[] first = rows(spark).get(0).split(" ");
    assertThat(first[0]).isEqualTo("1001");
    assertThat(first[1] + " " + first[2]).isEqualTo("2021-04-12 10:59:42");
    assertThat(Float.parseFloat(first[4])).isCloseTo(0.521149f, within(1e-6f));
    assertThat(Float.parseFloat(first[5])).isCloseTo(0.751659f, within(1e-6f));
    assertThat(Float.parseFloat(first[6])).isCloseTo(18.926695f, within(1e-5f));
  }

  @Test
  void materializeIncrementalOnSparkWritesEachDriversLatestRowToRedis() throws Exception {
    redis.client().flushAll();
    properties.put("freshet.online-store.type", "redis");
    properties.put("freshet.online-store.redis.connection-string", redis.connectionString());
    Cli.Result applied = Cli.run(properties, "apply");
    assertThat(applied.exitCode()).as(applied.err()).isZero();

    Cli.Result result = Cli.run(properties, "materialize-incremental", "--engine", "spark", "now");

    assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
    String[] counts =
        Parquet.query(
                "SELECT count(*), count(DISTINCT driver_id) FROM read_parquet('"
                    + repo.resolve("data/driver_stats.parquet")
                    + "')")
            .get(0)
            .split(" ");
    assertThat(result.out())
        .contains("driver_hourly_stats: from ")
        .contains(", on the engine")
        .contains(
            String.format("driver_hourly_stats: %,d rows read from ", Long.parseLong(counts[0])))
        .contains(
            String.format(", %,d entities written, 0 skipped as older", Long.parseLong(counts[1])));
    // Each driver's latest row of the whole file, by the greatest event time, then created.
    List<String> expected =
        Parquet.query(
            "SELECT driver_id, CAST(conv_rate AS FLOAT), CAST(daily_miles_driven AS FLOAT) FROM"
                + " read_parquet('"
                + repo.resolve("data/driver_stats.parquet")
                + "') QUALIFY row_number() OVER (PARTITION BY driver_id ORDER BY"
                + " event_timestamp DESC, created DESC) = 1 ORDER BY driver_id");
    List<List<Object>> drivers = new ArrayList<>();
    for (String line : expected) {
      drivers.add(List.of(Long.parseLong(line.split(" ")[0])));
    }
    List<String> stored = new ArrayList<>();
    try (OnlineStore store =
        RedisStores.open(
            redis.connectionString(), RedisTopology.STANDALONE, "driver_churn", Duration.ZERO)) {
      List<List<StoredRow>> read =
          store.read(
              List.of(
                  new ViewRead(OfflineEngineContract.HOURLY, List.of("conv_rate"), drivers),
                  new ViewRead(
                      OfflineEngineContract.DAILY, List.of("daily_miles_driven"), drivers)));
      for (int i = 0; i < drivers.size(); i++) {
        stored.add(
            drivers.get(i).get(0)
                + " "
                + read.get(0).get(i).values().get(0)
                + " "
                + read.get(1).get(i).values().get(0));
      }
    }
    assertThat(expected).hasSizeGreaterThan(2);
    assertThat(stored).isEqualTo(expected);
  }

  @Test
  void anUnknownEngineIsOneLineThatNamesTheEngines() {
    Cli.Result result =
        Cli.run(
            properties,
            "get-historical-features",
            "--engine",
            "sparkle",
            "--entities",
            repo.resolve("entities.csv").toString(),
            "--features",
            FEATURES,
            "--out",
            repo.resolve("never.parquet").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: there is no offline engine 'sparkle'; the engines here are [duckdb, spark]"
                + System.lineSeparator());
  }
}
