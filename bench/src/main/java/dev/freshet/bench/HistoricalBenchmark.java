package dev.freshet.bench;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.historical.DuckDbOfflineEngine;
import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.runtime.historical.HistoricalQuery;
import dev.freshet.spec.FeatureRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.FileUtils;

/**
 * Historical retrieval of ENTITY_ROWS entity rows against FEATURE_ROWS feature rows split over two
 * views (rider_stats, ten FLOAT features, no ttl; rider_trips, two features, a one-day ttl), to a
 * Parquet file; Freshet runs first, so the peak resident memory reported is its own. Baseline in
 * the same run: one hand-written DuckDB query doing the same as-of joins on the same files, with no
 * Freshet in between.
 */
final class HistoricalBenchmark {
  private static final long SPAN_SECONDS = 90L * 24 * 3600;

  /** Every feature of the two views, as the benchmarks request them. */
  static final List<String> FEATURES =
      List.of(
          "rider_stats:f0",
          "rider_stats:f1",
          "rider_stats:f2",
          "rider_stats:f3",
          "rider_stats:f4",
          "rider_stats:f5",
          "rider_stats:f6",
          "rider_stats:f7",
          "rider_stats:f8",
          "rider_stats:f9",
          "rider_trips:trips",
          "rider_trips:distance");

  private HistoricalBenchmark() {}

  /**
   * @param memoryLimit DuckDB's memory limit for Freshet's run (e.g. {@code 256MB}), or null for
   *     its default
   */
  static void run(long featureRows, long entityRows, long entities, String memoryLimit)
      throws Exception {
    Path work = Files.createTempDirectory("freshet-bench");
    try {
      System.out.printf(
          Locale.ROOT,
          "generating %,d feature rows over 2 views and %,d entity rows over %,d entities in %s%n",
          featureRows,
          entityRows,
          entities,
          work);
      generate(work, featureRows / 2, entityRows, entities);
      System.out.printf(
          Locale.ROOT,
          "max heap %,d MiB, %d cores%n",
          Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors());

      FeatureRegistry registry = FeatureRegistry.load(HistoricalBenchmark.class.getClassLoader());
      FreshetConfig config = new FreshetConfig();
      config.setRepoPath(work.toString());
      OfflineConfig offline = new OfflineConfig();
      offline.setMemoryLimit(memoryLimit);
      System.out.println(
          "freshet.offline.memory-limit: "
              + (memoryLimit == null ? "DuckDB's default" : memoryLimit));
      HistoricalFeatures historical =
          new HistoricalFeatures(registry, new DuckDbOfflineEngine(registry, config, offline));
      HistoricalQuery query = historical.features(FEATURES, false);
      Path out = work.resolve("training.parquet");
      HeapPeak.reset();
      Instant start = Instant.now();
      long rows =
          historical.write(
              query, new EntityRows.ParquetFile(work.resolve("entities.parquet")), out);
      Duration freshet = Duration.between(start, Instant.now());
      long freshetHeap = HeapPeak.bytes();
      long freshetRss = peakRss();
      String freshetCheck = checksum(out);

      // The same, with the on-demand view computed over the two views and the rows' fare.
      List<String> withOnDemand = new java.util.ArrayList<>(FEATURES);
      withOnDemand.add("rider_score:score");
      withOnDemand.add("rider_score:fare_per_km");
      Path onDemandOut = work.resolve("training-on-demand.parquet");
      HeapPeak.reset();
      start = Instant.now();
      long onDemandRows =
          historical.write(
              historical.features(withOnDemand, false),
              new EntityRows.ParquetFile(work.resolve("entities.parquet")),
              onDemandOut);
      Duration onDemand = Duration.between(start, Instant.now());
      long onDemandHeap = HeapPeak.bytes();
      String onDemandCheck = onDemandChecksum(onDemandOut);

      Path rawOut = work.resolve("raw.parquet");
      start = Instant.now();
      rawBaseline(work, rawOut);
      Duration raw = Duration.between(start, Instant.now());
      String rawCheck = checksum(rawOut);

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "freshet get-historical-features  %,d rows  %6.1f s  peak heap %,d MiB  peak RSS %,d MiB%n",
          rows,
          seconds(freshet),
          freshetHeap >> 20,
          freshetRss >> 20);
      System.out.printf(
          Locale.ROOT,
          "freshet + on-demand rider_score   %,d rows  %6.1f s  peak heap %,d MiB; / without %.2f%n",
          onDemandRows,
          seconds(onDemand),
          onDemandHeap >> 20,
          seconds(onDemand) / seconds(freshet));
      System.out.printf(
          Locale.ROOT,
          "on-demand outputs against the formula in SQL (rows differing, rows computed): %s%n",
          onDemandCheck);
      System.out.printf(Locale.ROOT, "raw DuckDB ASOF query            %6.1f s%n", seconds(raw));
      System.out.printf(Locale.ROOT, "freshet / raw time: %.2f%n", seconds(freshet) / seconds(raw));
      System.out.printf(
          Locale.ROOT,
          "checksums (rows, matched f0, sum f0, matched trips): freshet %s, raw %s -> %s%n",
          freshetCheck,
          rawCheck,
          freshetCheck.equals(rawCheck) ? "equal" : "DIFFERENT");
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  static void generate(Path work, long rowsPerView, long entityRows, long entities)
      throws Exception {
    StringBuilder features = new StringBuilder();
    for (int f = 0; f < 10; f++) {
      features.append(", random()::FLOAT AS f").append(f);
    }
    // Rows spread over 90 days, each entity's rows at distinct times.
    String time = "(hash(range) % " + SPAN_SECONDS + ")::BIGINT";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT range % "
              + entities
              + " AS rider_id,"
              + " TIMESTAMPTZ '2022-01-01 00:00:00+00' + to_seconds("
              + time
              + ") AS event_timestamp,"
              + " TIMESTAMP '2022-01-01 00:00:00' + to_seconds("
              + time
              + ") AS created"
              + features
              + " FROM range("
              + rowsPerView
              + ")) TO '"
              + work.resolve("rider_stats.parquet")
              + "' (FORMAT PARQUET)");
      s.execute(
          "COPY (SELECT range % "
              + entities
              + " AS rider_id,"
              + " TIMESTAMPTZ '2022-01-01 00:00:00+00' + to_seconds("
              + time.replace("range", "range * 7")
              + ") AS event_timestamp,"
              + " TIMESTAMP '2022-01-01 00:00:00' AS created, (range % 50)::BIGINT AS trips, random() * 100 AS distance"
              + " FROM range("
              + rowsPerView
              + ")) TO '"
              + work.resolve("rider_trips.parquet")
              + "' (FORMAT PARQUET)");
      s.execute(
          "COPY (SELECT (hash(range * 13) % "
              + entities
              + ")::BIGINT AS rider_id,"
              + " TIMESTAMP '2022-01-01 00:00:00' + to_seconds((hash(range * 17) % "
              + SPAN_SECONDS
              + ")::BIGINT) AS event_timestamp,"
              + " range AS request, (range % 100)::DOUBLE AS fare"
              + " FROM range("
              + entityRows
              + ")) TO '"
              + work.resolve("entities.parquet")
              + "' (FORMAT PARQUET)");
    }
  }

  /**
   * Rows whose score or fare_per_km differ from the transform's formula computed by DuckDB over the
   * joined features, and rows where it computed one.
   */
  private static String onDemandChecksum(Path out) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FILTER (WHERE score IS DISTINCT FROM (CASE WHEN trips IS NOT NULL"
                    + " AND f0 IS NOT NULL THEN (f0 + f1)::DOUBLE + distance / (trips + 1)"
                    + " END) OR fare_per_km IS DISTINCT FROM (CASE WHEN trips IS NOT NULL AND f0"
                    + " IS NOT NULL THEN fare / (distance + 1) END)), count(score) FROM"
                    + " read_parquet('"
                    + out
                    + "')")) {
      r.next();
      return r.getLong(1) + " differing, " + r.getLong(2) + " computed";
    }
  }

  /** The same joins written by hand: dedup by created time, ASOF per view, ttl on the second. */
  private static void rawBaseline(Path work, Path out) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute(
          "COPY ("
              + "WITH e AS (SELECT *, file_row_number AS n, epoch_us(event_timestamp) AS t FROM read_parquet('"
              + work.resolve("entities.parquet")
              + "', file_row_number = true)),"
              + " a AS (SELECT rider_id, epoch_us(event_timestamp) AS t, f0, f1, f2, f3, f4, f5, f6, f7, f8, f9 FROM read_parquet('"
              + work.resolve("rider_stats.parquet")
              + "')"
              + "   QUALIFY row_number() OVER (PARTITION BY rider_id, event_timestamp ORDER BY created DESC) = 1),"
              + " b AS (SELECT rider_id, epoch_us(event_timestamp) AS t, trips, distance FROM read_parquet('"
              + work.resolve("rider_trips.parquet")
              + "')"
              + "   QUALIFY row_number() OVER (PARTITION BY rider_id, event_timestamp ORDER BY created DESC) = 1)"
              + " SELECT e.rider_id, e.event_timestamp, e.request, a.f0, a.f1, a.f2, a.f3, a.f4, a.f5, a.f6, a.f7, a.f8, a.f9,"
              + "   CASE WHEN b.t > e.t - 86400000000 THEN b.trips END AS trips, CASE WHEN b.t > e.t - 86400000000 THEN b.distance END AS distance"
              + " FROM e ASOF LEFT JOIN a ON e.rider_id = a.rider_id AND e.t >= a.t ASOF LEFT JOIN b ON e.rider_id = b.rider_id AND e.t >= b.t"
              + " ORDER BY e.n) TO '"
              + out
              + "' (FORMAT PARQUET)");
    }
  }

  private static String checksum(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*), count(f0), round(sum(f0), 3), count(trips) FROM read_parquet('"
                    + file
                    + "')")) {
      r.next();
      return r.getLong(1) + "/" + r.getLong(2) + "/" + r.getString(3) + "/" + r.getLong(4);
    }
  }

  /** The process's peak resident memory (VmHWM): DuckDB's memory is native, outside the heap. */
  private static long peakRss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return -1;
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
