package dev.freshet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.testing.RedisServerProcess;
import dev.freshet.testing.SparkStandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands with {@code --engine spark} on a real Spark standalone cluster: a master and two
 * workers in child JVMs, the jobs submitted to {@code spark://127.0.0.1:<port>} with {@code
 * -Dfreshet.offline.spark.master}, the executors in the workers' JVMs reading the workshop's file
 * and writing to a real redis-server. The last test kills a worker mid-job, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkStandaloneClusterTest {
  static RedisServerProcess redis;
  static SparkStandaloneCluster cluster;

  @TempDir Path repo;
  Map<String, String> properties;

  @BeforeAll
  static void startCluster() throws Exception {
    // One SparkContext per JVM: the local one the other classes share must not be the one used.
    LocalSpark.stop();
    redis = RedisServerProcess.start();
    cluster = SparkStandaloneCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
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
    properties = new HashMap<>(cluster.driverSettings());
    properties.put("freshet.repo-path", repo.toString());
    properties.put("freshet.offline.spark.master", cluster.masterUrl());
  }

  @Test
  void getHistoricalFeaturesOnTheClusterGivesDuckDbsTrainingData() throws Exception {
    Path duck = repo.resolve("duckdb.parquet");
    Path spark = repo.resolve("spark.parquet");

    Cli.Result onDuckDb = historical("duckdb", duck);
    Cli.Result onSpark = historical("spark", spark);

    assertThat(onDuckDb.exitCode()).as(onDuckDb.err()).isZero();
    assertThat(onSpark.exitCode()).as(onSpark.err() + cluster.logs()).isZero();
    assertThat(onSpark.out()).startsWith("wrote 4 rows with 3 features to " + spark);
    List<String> rows = SparkCommandLineTest.rows(spark);
    assertThat(rows).isEqualTo(SparkCommandLineTest.rows(duck));
    // The workshop's row, its floats to the workshop's six decimals: 1001 at 2021-04-12 10:59:42.
    String[] first = rows.get(0).split(" ");
    assertThat(
            String.join(" ", first[0], first[1], first[2], first[3])
                + String.format(
                    " %.6f %.6f %.6f",
                    Float.parseFloat(first[4]),
                    Float.parseFloat(first[5]),
                    Float.parseFloat(first[6])))
        .isEqualTo("1001 2021-04-12 10:59:42 1 0.521149 0.751659 18.926695");
  }

  @Test
  void materializeIncrementalOnTheClusterWritesEachDriversLatestRowToRedis() throws Exception {
    redis.client().flushAll();
    properties.put("freshet.online-store.type", "redis");
    properties.put("freshet.online-store.redis.connection-string", redis.connectionString());
    Cli.Result applied = Cli.run(properties, "apply");
    assertThat(applied.exitCode()).as(applied.err()).isZero();

    Cli.Result result = Cli.run(properties, "materialize-incremental", "--engine", "spark", "now");

    assertThat(result.exitCode()).as(result.err() + result.out() + cluster.logs()).isZero();
    assertThat(result.out()).contains(", 0 skipped as older");
    List<String> expected = latestPerDriver(repo.resolve("data/driver_stats.parquet"));
    assertThat(expected).hasSizeGreaterThan(2);
    assertThat(stored(expected)).isEqualTo(expected);
  }

  /**
   * A worker killed while the job writes to Redis: Spark runs the lost tasks again on the other
   * worker (and the map outputs that died with the executor), the command still succeeds, every
   * driver holds its latest row, and the interval is recorded once, after the job.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aWorkerKilledMidJobIsRetriedByTheOtherAndTheResultIsExact() throws Exception {
    int drivers = 300_000;
    int hours = 4;
    writeHourlyStats(repo.resolve("data/driver_stats.parquet"), drivers, hours);
    redis.client().flushAll();
    properties.put("freshet.online-store.type", "redis");
    properties.put("freshet.online-store.redis.connection-string", redis.connectionString());
    properties.put("spark.sql.shuffle.partitions", "16");
    properties.put("spark.extraListeners", LostExecutors.class.getName());
    LostExecutors.reset();
    assertThat(Cli.run(properties, "apply").exitCode()).isZero();

    CompletableFuture<Cli.Result> run =
        CompletableFuture.supplyAsync(
            () -> Cli.run(properties, "materialize-incremental", "--engine", "spark", "now"));
    awaitKeysInRedis(1_000, run);
    assertThat(run).as("the job ended before a worker could be killed").isNotDone();
    cluster.killWorker(1);
    Cli.Result result = run.get(5, TimeUnit.MINUTES);

    assertThat(result.exitCode()).as(result.err() + result.out() + cluster.logs()).isZero();
    assertThat(LostExecutors.count()).as("executors lost during the job").isGreaterThanOrEqualTo(1);
    // Counted from successful tasks only: a task run again is counted once.
    assertThat(result.out())
        .contains(String.format("driver_hourly_stats: %,d rows read", (long) drivers * hours))
        .contains(String.format("%,d entities written", drivers));
    // One key per driver, and the store's id.
    assertThat(redis.client().dbSize()).isEqualTo(drivers + 1);
    // Each driver's last hour, computed here from how the file was written.
    List<String> expected = new ArrayList<>();
    for (long driver : new long[] {1, 2, 77_777, drivers}) {
      long row = (long) (hours - 1) * drivers + (driver - 1);
      expected.add(driver + " " + rate(row) + " " + miles(row));
    }
    assertThat(stored(expected)).isEqualTo(expected);

    // Recorded: the next run starts where this one ended and finds nothing newer to write.
    properties.remove("spark.extraListeners");
    Cli.Result again = Cli.run(properties, "materialize-incremental", "--engine", "spark", "now");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).doesNotContain("nothing materialized into this store yet");
  }

  private static float rate(long row) {
    return (row % 1000) / 1000f;
  }

  private static float miles(long row) {
    return (row % 997) / 10f;
  }

  /** {@code drivers} drivers, one row an hour for {@code hours} hours, in row order. */
  private static void writeHourlyStats(Path file, int drivers, int hours) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute(
          "COPY (SELECT i % "
              + drivers
              + " + 1 AS driver_id, TIMESTAMPTZ '2021-04-01 00:00:00+00' + to_hours(i // "
              + drivers
              + ") AS event_timestamp, TIMESTAMP '2021-04-02 00:00:00' AS created,"
              + " CAST((i % 1000) / 1000 AS FLOAT) AS conv_rate, CAST(0.5 AS FLOAT) AS acc_rate,"
              + " CAST((i % 997) / 10 AS FLOAT) AS miles_driven,"
              + " CAST((i % 997) / 10 AS FLOAT) AS daily_miles_driven FROM range("
              + (long) drivers * hours
              + ") t(i)) TO '"
              + file
              + "' (FORMAT parquet, ROW_GROUP_SIZE 100000)");
    }
  }

  private static void awaitKeysInRedis(long keys, CompletableFuture<Cli.Result> run)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (redis.client().dbSize() < keys) {
      if (run.isDone()) {
        Cli.Result result = run.get();
        throw new AssertionError(
            "the job ended before it wrote " + keys + " keys: " + result.err() + result.out());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + keys + " keys in Redis after 3 minutes" + cluster.logs());
      }
      Thread.sleep(20);
    }
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
        SparkCommandLineTest.FEATURES,
        "--out",
        out.toString());
  }

  /** Each driver's latest row of the whole file, by the greatest event time, then created. */
  static List<String> latestPerDriver(Path parquet) throws Exception {
    return Parquet.query(
        "SELECT driver_id, CAST(conv_rate AS FLOAT), CAST(daily_miles_driven AS FLOAT) FROM"
            + " read_parquet('"
            + parquet
            + "') QUALIFY row_number() OVER (PARTITION BY driver_id ORDER BY"
            + " event_timestamp DESC, created DESC) = 1 ORDER BY driver_id");
  }

  /** What Redis holds for the drivers of {@code expected}, in the same "driver conv miles" form. */
  static List<String> stored(List<String> expected) {
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
    return stored;
  }
}
