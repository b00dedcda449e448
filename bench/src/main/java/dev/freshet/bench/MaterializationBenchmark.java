package dev.freshet.bench;

import dev.freshet.runtime.cli.FreshetMain;
import dev.freshet.runtime.online.layout.EntityKeys;
import dev.freshet.runtime.online.layout.FieldHashes;
import dev.freshet.runtime.online.layout.Timestamps;
import dev.freshet.runtime.online.layout.Values;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.io.FileUtils;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Materialization of a generated source (ROWS rows over ENTITIES entities, ten FLOAT features) into
 * a real redis-server, against a raw baseline in the same run: the same latest rows read from the
 * same file by DuckDB and written with a plain pipelined Jedis HSET loop in Feast's layout (no
 * newest-wins script, no typed rows, no framework).
 */
final class MaterializationBenchmark {
  private static final String PROJECT = "bench";
  private static final int BATCH = 1_000;

  private MaterializationBenchmark() {}

  static void run(long rows, long entities) throws Exception {
    Path work = Files.createTempDirectory("freshet-bench");
    try {
      Path parquet = work.resolve("rider_stats.parquet");
      System.out.printf(
          Locale.ROOT, "generating %,d rows over %,d entities in %s%n", rows, entities, parquet);
      generate(parquet, rows, entities);
      System.out.printf(
          Locale.ROOT,
          "source: %,d bytes; max heap %,d MiB%n",
          Files.size(parquet),
          Runtime.getRuntime().maxMemory() >> 20);

      try (RedisServerProcess redis = RedisServerProcess.start()) {
        applyOnRedis(work, redis);

        HeapPeak.reset();
        Instant start = Instant.now();
        check(
            FreshetMain.run("materialize", "2020-01-01", "2030-01-01", "--views", "rider_stats"),
            "materialize");
        Duration freshet = Duration.between(start, Instant.now());
        long freshetHeap = HeapPeak.bytes();
        long freshetKeys = dbSize(redis);

        try (Jedis jedis = redis.client()) {
          jedis.flushAll();
        }
        HeapPeak.reset();
        start = Instant.now();
        long written = rawBaseline(parquet, redis);
        Duration raw = Duration.between(start, Instant.now());
        long rawHeap = HeapPeak.bytes();

        System.out.println();
        report("freshet materialize", rows, freshetKeys, freshet, freshetHeap);
        report("raw DuckDB + pipelined HSET", rows, written, raw, rawHeap);
        System.out.printf(
            Locale.ROOT,
            "freshet / raw throughput: %.2f (time %.1f s vs %.1f s)%n",
            seconds(raw) / seconds(freshet),
            seconds(freshet),
            seconds(raw));
      }
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  static void generate(Path parquet, long rows, long entities) throws Exception {
    StringBuilder features = new StringBuilder();
    for (int f = 0; f < 10; f++) {
      features.append(", random()::FLOAT AS f").append(f);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT range % "
              + entities
              + " AS rider_id,"
              + " TIMESTAMPTZ '2022-01-01 00:00:00+00' + to_seconds(range) AS event_timestamp,"
              + " TIMESTAMP '2022-01-01 00:00:00' + to_seconds(range) AS created"
              + features
              + " FROM range("
              + rows
              + ")) TO '"
              + parquet
              + "' (FORMAT PARQUET)");
    }
  }

  /**
   * Points the command line at the bench repository in {@code work} and at {@code redis} (as system
   * properties, which the commands read), and applies its definitions there.
   */
  static void applyOnRedis(Path work, RedisServerProcess redis) {
    Map<String, String> properties = new HashMap<>();
    properties.put("freshet.repo-path", work.toString());
    properties.put("freshet.project", PROJECT);
    properties.put("freshet.online-store.type", "redis");
    properties.put("freshet.online-store.redis.connection-string", redis.connectionString());
    properties.forEach(System::setProperty);
    check(FreshetMain.run("apply"), "apply");
  }

  /** The same latest rows, read by the same engine, written with plain pipelined HSETs. */
  private static long rawBaseline(Path parquet, RedisServerProcess redis) throws Exception {
    List<JoinKeySpec> keys = List.of(new JoinKeySpec("rider_id", ValueType.INT64));
    byte[][] fields = new byte[10][];
    for (int f = 0; f < 10; f++) {
      fields[f] = FieldHashes.field("rider_stats", "f" + f);
    }
    byte[] timestampField = FieldHashes.timestampField("rider_stats");
    Properties properties = new Properties();
    properties.setProperty("jdbc_stream_results", "true");
    long written = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:", properties);
        Statement s = c.createStatement();
        Jedis jedis = redis.client()) {
      s.execute("SET preserve_insertion_order = false");
      ResultSet r =
          s.executeQuery(
              "SELECT rider_id, epoch_us(event_timestamp), f0, f1, f2, f3, f4, f5, f6, f7, f8, f9"
                  + " FROM read_parquet('"
                  + parquet
                  + "')"
                  + " QUALIFY row_number() OVER (PARTITION BY rider_id ORDER BY event_timestamp DESC, created DESC) = 1");
      Pipeline pipeline = jedis.pipelined();
      while (r.next()) {
        Map<byte[], byte[]> hash = new HashMap<>();
        long micros = r.getLong(2);
        hash.put(
            timestampField,
            Timestamps.encode(
                Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000)));
        for (int f = 0; f < 10; f++) {
          hash.put(fields[f], Values.encode(r.getFloat(3 + f), ValueType.FLOAT));
        }
        pipeline.hset(EntityKeys.redisKey(keys, List.of(r.getLong(1)), PROJECT), hash);
        if (++written % BATCH == 0) {
          pipeline.sync();
        }
      }
      pipeline.sync();
      r.close();
    }
    return written;
  }

  private static long dbSize(RedisServerProcess redis) {
    try (Jedis jedis = redis.client()) {
      return jedis.dbSize();
    }
  }

  private static void report(String what, long rows, long entities, Duration took, long heap) {
    System.out.printf(
        Locale.ROOT,
        "%-28s %,12d rows read/s %,10d entities written/s  %6.1f s  peak heap %,5d MiB  (%,d entities)%n",
        what,
        Math.round(rows / seconds(took)),
        Math.round(entities / seconds(took)),
        seconds(took),
        heap >> 20,
        entities);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static void check(int exitCode, String command) {
    if (exitCode != 0) {
      throw new IllegalStateException(command + " failed with exit code " + exitCode);
    }
  }
}
