package dev.freshet.bench;

import dev.freshet.runtime.cli.FreshetMain;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.historical.DuckDbOfflineEngine;
import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.runtime.historical.HistoricalQuery;
import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.spark.SparkOfflineEngine;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.testing.RedisServerProcess;
import dev.freshet.testing.SparkStandaloneCluster;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.args.FlushMode;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The two batch jobs on Spark beside DuckDB, on the same files in the same run, and the Spark
 * driver's memory as the data grows.
 *
 * <ol>
 *   <li>Historical retrieval (HistoricalBenchmark's files: ENTITY_ROWS entity rows against
 *       FEATURE_ROWS rows over two views) on DuckDB and on Spark {@code local[2]}: times, the
 *       ratio, and the two outputs compared row by row.
 *   <li>Materialization (MaterializationBenchmark's file: ROWS rows over ENTITIES entities) into a
 *       real redis-server through the {@code materialize} command, {@code --engine duckdb} then
 *       {@code --engine spark}: times, the ratio, and the two Redis contents compared (a digest of
 *       every hash).
 *   <li>On a standalone cluster (a master and two one-core workers of 512 MB, child JVMs), where
 *       the driver is this JVM and the executors are not: materialization and historical retrieval
 *       at each of SCALES rows, with this JVM's (the driver's) peak heap and the rows each executor
 *       read.
 * </ol>
 */
final class SparkBatchBenchmark {
  private static final String PROJECT = "bench";
  private static final List<String> COLUMNS =
      List.of(
          "rider_id",
          "f0",
          "f1",
          "f2",
          "f3",
          "f4",
          "f5",
          "f6",
          "f7",
          "f8",
          "f9",
          "trips",
          "distance");

  private SparkBatchBenchmark() {}

  /** A timed section: how long, what it gave, and this JVM's heap peaks during it. */
  private record Timed<T>(T result, Duration took, long heapPeak, long oldGenerationPeak) {
    static <T> Timed<T> of(Callable<T> work) throws Exception {
      HeapPeak.reset();
      Instant start = Instant.now();
      T result = work.call();
      return new Timed<>(
          result,
          Duration.between(start, Instant.now()),
          HeapPeak.bytes(),
          HeapPeak.oldGenerationBytes());
    }

    double seconds() {
      return took.toMillis() / 1000.0;
    }

    String heap() {
      return String.format(
          Locale.ROOT,
          "peak heap %,5d MiB (old generation %,5d MiB)",
          heapPeak >> 20,
          oldGenerationPeak >> 20);
    }
  }

  static void run(
      long featureRows,
      long entityRows,
      long rows,
      long entities,
      long[] scales,
      long scaleEntityRows)
      throws Exception {
    System.out.printf(
        Locale.ROOT,
        "max heap %,d MiB, %d cores%n",
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    SparkTaskTotals tasks = new SparkTaskTotals();
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      SparkSession local = session("local[2]", Map.of(), tasks);
      try {
        historicalSideBySide(local, featureRows, entityRows);
        materializationSideBySide(redis, rows, entities);
      } finally {
        local.stop();
      }
      try (SparkStandaloneCluster cluster = SparkStandaloneCluster.start()) {
        SparkSession spark = session(cluster.masterUrl(), cluster.driverSettings(), tasks);
        try {
          System.out.println();
          System.out.println(
              "standalone cluster "
                  + cluster.masterUrl()
                  + ": two workers of one core and 512 MB; the driver is this JVM");
          for (long scale : scales) {
            materializationOnTheCluster(redis, tasks, scale, entities);
          }
          for (long scale : scales) {
            historicalOnTheCluster(spark, tasks, scale, scaleEntityRows);
          }
        } finally {
          spark.stop();
        }
      }
    }
  }

  private static SparkSession session(
      String master, Map<String, String> settings, SparkTaskTotals tasks) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("freshet-bench")
            .master(master)
            .config("spark.ui.enabled", "false")
            // Executors report their heap to the driver while tasks run, for SparkTaskTotals.
            .config("spark.executor.metrics.pollingInterval", "200ms");
    settings.forEach(builder::config);
    // 16 reduce partitions for every run (the cluster's settings name 4, for small tests).
    builder.config("spark.sql.shuffle.partitions", "16");
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().addSparkListener(tasks);
    return spark;
  }

  /** Over as many entities as entity rows, as HistoricalBenchmark's defaults have it. */
  private static void historicalSideBySide(SparkSession spark, long featureRows, long entityRows)
      throws Exception {
    Path work = Files.createTempDirectory("freshet-bench");
    try {
      System.out.printf(
          Locale.ROOT,
          "%nhistorical retrieval: %,d entity rows against %,d feature rows over 2 views%n",
          entityRows,
          featureRows);
      HistoricalBenchmark.generate(work, featureRows / 2, entityRows, entityRows);
      FeatureRegistry registry = FeatureRegistry.load(SparkBatchBenchmark.class.getClassLoader());
      FreshetConfig config = config(work);
      Path duckOut = work.resolve("duckdb.parquet");
      Path sparkOut = work.resolve("spark.parquet");
      Timed<Long> duck =
          Timed.of(
              () ->
                  historical(
                      registry,
                      new DuckDbOfflineEngine(registry, config, new OfflineConfig()),
                      work,
                      duckOut));
      Timed<Long> onSpark =
          Timed.of(
              () ->
                  historical(
                      registry, new SparkOfflineEngine(spark, registry, config), work, sparkOut));
      long different = differentRows(duckOut, sparkOut);
      System.out.printf(
          Locale.ROOT,
          "DuckDB         %,d rows %7.1f s  %s%n",
          duck.result(),
          duck.seconds(),
          duck.heap());
      System.out.printf(
          Locale.ROOT,
          "Spark local[2] %,d rows %7.1f s  %s%n",
          onSpark.result(),
          onSpark.seconds(),
          onSpark.heap());
      System.out.printf(
          Locale.ROOT,
          "Spark / DuckDB time: %.2f; rows that differ (order, keys, every feature): %,d%n",
          onSpark.seconds() / duck.seconds(),
          different);
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  private static void materializationSideBySide(RedisServerProcess redis, long rows, long entities)
      throws Exception {
    Path work = Files.createTempDirectory("freshet-bench");
    try {
      System.out.printf(
          Locale.ROOT,
          "%nmaterialization into Redis: %,d rows over %,d entities%n",
          rows,
          entities);
      MaterializationBenchmark.generate(work.resolve("rider_stats.parquet"), rows, entities);
      Timed<Integer> duck = materialize(redis, work, "duckdb");
      Contents duckContents = Contents.of(redis);
      Timed<Integer> onSpark = materialize(redis, work, "spark");
      Contents sparkContents = Contents.of(redis);
      System.out.printf(
          Locale.ROOT,
          "DuckDB         %7.1f s  %s  %,d entity hashes%n",
          duck.seconds(),
          duck.heap(),
          duckContents.hashes());
      System.out.printf(
          Locale.ROOT,
          "Spark local[2] %7.1f s  %s  %,d entity hashes%n",
          onSpark.seconds(),
          onSpark.heap(),
          sparkContents.hashes());
      System.out.printf(
          Locale.ROOT,
          "Spark / DuckDB time: %.2f; Redis contents %s%n",
          onSpark.seconds() / duck.seconds(),
          duckContents.equals(sparkContents) ? "equal" : "DIFFERENT");
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  private static void materializationOnTheCluster(
      RedisServerProcess redis, SparkTaskTotals tasks, long rows, long entities) throws Exception {
    Path work = Files.createTempDirectory("freshet-bench");
    try {
      MaterializationBenchmark.generate(work.resolve("rider_stats.parquet"), rows, entities);
      tasks.reset();
      Timed<Integer> onSpark = materialize(redis, work, "spark");
      Contents contents = Contents.of(redis);
      System.out.printf(
          Locale.ROOT,
          "materialize %,11d rows %,9d entities %7.1f s  driver %s  rows read by executor %s,"
              + " executors' peak heap MiB %s%n",
          rows,
          contents.hashes(),
          onSpark.seconds(),
          onSpark.heap(),
          tasks.rowsRead(),
          mebibytes(tasks.peakHeap()));
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  private static void historicalOnTheCluster(
      SparkSession spark, SparkTaskTotals tasks, long featureRows, long entityRows)
      throws Exception {
    Path work = Files.createTempDirectory("freshet-bench");
    try {
      HistoricalBenchmark.generate(work, featureRows / 2, entityRows, entityRows);
      FeatureRegistry registry = FeatureRegistry.load(SparkBatchBenchmark.class.getClassLoader());
      tasks.reset();
      Timed<Long> onSpark =
          Timed.of(
              () ->
                  historical(
                      registry,
                      new SparkOfflineEngine(spark, registry, config(work)),
                      work,
                      work.resolve("spark.parquet")));
      System.out.printf(
          Locale.ROOT,
          "historical  %,11d rows %,9d entity rows %7.1f s  driver %s  rows read by executor %s,"
              + " executors' peak heap MiB %s%n",
          featureRows,
          onSpark.result(),
          onSpark.seconds(),
          onSpark.heap(),
          tasks.rowsRead(),
          mebibytes(tasks.peakHeap()));
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  private static FreshetConfig config(Path work) {
    FreshetConfig config = new FreshetConfig();
    config.setRepoPath(work.toString());
    return config;
  }

  private static long historical(
      FeatureRegistry registry, OfflineEngine engine, Path work, Path out) {
    HistoricalFeatures historical = new HistoricalFeatures(registry, engine);
    HistoricalQuery query = historical.features(HistoricalBenchmark.FEATURES, false);
    return historical.write(
        query, new EntityRows.ParquetFile(work.resolve("entities.parquet")), out);
  }

  /**
   * The {@code materialize} command over the whole time range, on {@code engine}, into an emptied
   * Redis; on Spark it runs in the session open in this JVM.
   */
  private static Timed<Integer> materialize(RedisServerProcess redis, Path work, String engine)
      throws Exception {
    try (Jedis jedis = redis.client()) {
      // Freed in the background: a synchronous flush of millions of hashes outlasts a read timeout.
      jedis.flushAll(FlushMode.ASYNC);
    }
    MaterializationBenchmark.applyOnRedis(work, redis);
    Timed<Integer> timed =
        Timed.of(
            () ->
                FreshetMain.run(
                    "materialize",
                    "2020-01-01",
                    "2030-01-01",
                    "--views",
                    "rider_stats",
                    "--engine",
                    engine));
    check(timed.result(), "materialize --engine " + engine);
    return timed;
  }

  /**
   * Rows of the two results that differ: matched by the entity row's {@code request} number, in the
   * same place of their file, with equal keys, times and features (nulls equal).
   */
  private static long differentRows(Path a, Path b) throws Exception {
    StringBuilder unequal = new StringBuilder("x.request IS NULL OR y.request IS NULL");
    unequal.append(" OR x.n IS DISTINCT FROM y.n");
    unequal.append(" OR epoch_us(x.event_timestamp) IS DISTINCT FROM epoch_us(y.event_timestamp)");
    for (String column : COLUMNS) {
      unequal.append(" OR x.").append(column).append(" IS DISTINCT FROM y.").append(column);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM (SELECT *, file_row_number AS n FROM read_parquet('"
                    + a
                    + "', file_row_number = true)) x FULL OUTER JOIN (SELECT *, file_row_number AS n"
                    + " FROM read_parquet('"
                    + b
                    + "', file_row_number = true)) y ON x.request = y.request WHERE "
                    + unequal)) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * What the entity hashes of a Redis hold, as a count and an order-free digest (the sum of each
   * hash's SHA-256 over its key and its sorted fields and values); the store's own id key is left
   * out, being new after each flush.
   */
  private record Contents(long hashes, long digest) {
    static Contents of(RedisServerProcess redis) throws Exception {
      byte[] storeId = ("freshet:" + PROJECT + ":store-id").getBytes(StandardCharsets.UTF_8);
      long hashes = 0;
      long digest = 0;
      try (Jedis jedis = redis.client()) {
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
          ScanResult<byte[]> page = jedis.scan(cursor, new ScanParams().count(1_000));
          cursor = page.getCursorAsBytes();
          List<byte[]> keys = new ArrayList<>();
          for (byte[] key : page.getResult()) {
            if (!Arrays.equals(key, storeId)) {
              keys.add(key);
            }
          }
          Pipeline pipeline = jedis.pipelined();
          List<Response<Map<byte[], byte[]>>> replies = new ArrayList<>();
          keys.forEach(key -> replies.add(pipeline.hgetAll(key)));
          pipeline.sync();
          for (int i = 0; i < keys.size(); i++) {
            digest += digest(keys.get(i), replies.get(i).get());
            hashes++;
          }
        } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
      }
      return new Contents(hashes, digest);
    }

    private static long digest(byte[] key, Map<byte[], byte[]> hash) throws Exception {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(key);
      List<Map.Entry<byte[], byte[]>> fields = new ArrayList<>(hash.entrySet());
      fields.sort(Comparator.comparing(Map.Entry::getKey, Arrays::compare));
      for (Map.Entry<byte[], byte[]> field : fields) {
        sha.update(field.getKey());
        sha.update((byte) 0);
        sha.update(field.getValue());
        sha.update((byte) 0);
      }
      return ByteBuffer.wrap(sha.digest()).getLong();
    }
  }

  private static Map<String, Long> mebibytes(Map<String, Long> bytes) {
    Map<String, Long> result = new TreeMap<>();
    bytes.forEach((executor, value) -> result.put(executor, value >> 20));
    return result;
  }

  private static void check(int exitCode, String command) {
    if (exitCode != 0) {
      throw new IllegalStateException(command + " failed with exit code " + exitCode);
    }
  }
}
