package dev.freshet.runtime.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time semantics on files written here, with expected values worked out by hand for the
 * edge cases and by brute force over every row for a random set.
 */
class DuckDbOfflineEngineTest {
  private static final JoinKeySpec DRIVER = new JoinKeySpec("driver_id", ValueType.INT64);
  private static final FileSourceSpec STATS =
      new FileSourceSpec("stats", "stats.parquet", "ts", "created", Map.of(), "", Map.of(), "");
  private static final FeatureViewSpec SHORT_TTL =
      new FeatureViewSpec(
          "short_ttl",
          List.of("driver"),
          List.of(DRIVER),
          "stats",
          Duration.ofHours(1),
          true,
          List.of(
              new FeatureSpec("trips", ValueType.INT64, true),
              new FeatureSpec("rate", ValueType.DOUBLE, true)),
          "",
          Map.of(),
          "");
  private static final FeatureViewSpec FOREVER =
      new FeatureViewSpec(
          "forever",
          List.of("driver"),
          List.of(DRIVER),
          "stats",
          Duration.ZERO,
          true,
          List.of(new FeatureSpec("rate", ValueType.DOUBLE, true)),
          "",
          Map.of(),
          "");

  @TempDir Path repo;
  private HistoricalFeatures historical;

  /** A feature row of the source. */
  record Stat(long driver, Instant ts, Instant created, long trips, double rate) {}

  @BeforeEach
  void engine() {
    FreshetConfig config = new FreshetConfig();
    config.setRepoPath(repo.toString());
    FeatureRegistry registry = registry();
    historical =
        new HistoricalFeatures(
            registry, new DuckDbOfflineEngine(registry, config, new OfflineConfig()));
  }

  private static Instant at(String time) {
    return Instant.parse("2021-01-01T" + time + "Z");
  }

  private void writeStats(List<Stat> stats) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute(
          "CREATE TABLE stats (driver_id BIGINT, ts TIMESTAMPTZ, created TIMESTAMP, trips BIGINT, rate DOUBLE)");
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO stats VALUES (?, ?, ?, ?, ?)")) {
        for (Stat stat : stats) {
          insert.setLong(1, stat.driver());
          insert.setObject(2, stat.ts().atOffset(java.time.ZoneOffset.UTC));
          insert.setObject(
              3, java.time.LocalDateTime.ofInstant(stat.created(), java.time.ZoneOffset.UTC));
          insert.setLong(4, stat.trips());
          insert.setDouble(5, stat.rate());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      s.execute("COPY stats TO '" + repo.resolve("stats.parquet") + "' (FORMAT parquet)");
    }
  }

  private static final List<Stat> EDGE_STATS =
      List.of(
          new Stat(1, at("10:00:00"), at("10:05:00"), 1, 0.1),
          new Stat(1, at("10:00:00"), at("10:10:00"), 2, 0.2),
          new Stat(1, at("12:00:00"), at("12:00:00"), 3, 0.3),
          new Stat(2, at("09:00:00"), at("09:00:00"), 4, 0.4));

  @Test
  void edgeCasesOfTimeTtlTiesAndMissingEntities() throws Exception {
    writeStats(EDGE_STATS);
    Map<String, List<?>> entities = new LinkedHashMap<>();
    entities.put("driver_id", List.of(1L, 1L, 1L, 1L, 3L, 1L, 1L, 2L));
    entities.put(
        "event_timestamp",
        List.of(
            at("10:00:00"), // exactly a row's time: that row, the later created of the tie
            at("11:00:00"), // exactly the ttl after it: outside (the bound is exclusive)
            Instant.parse("2021-01-01T10:59:59.999999Z"), // a microsecond inside the ttl
            at("09:59:00"), // before any row of the entity
            at("12:00:00"), // an entity without rows
            java.time.OffsetDateTime.parse("2021-01-01T12:30:00+02:00").toInstant(), // 10:30 UTC
            at("10:00:00"), // a duplicate of the first row
            at("12:00:00")));
    entities.put("label", List.of("a", "b", "c", "d", "e", "f", "g", "h"));

    HistoricalTable table =
        historical.read(
            historical.features(List.of("short_ttl:trips", "short_ttl:rate", "forever:rate"), true),
            new EntityRows.Columns(entities));

    assertThat(table.columns())
        .containsExactly(
            "driver_id",
            "event_timestamp",
            "label",
            "short_ttl__trips",
            "short_ttl__rate",
            "forever__rate");
    List<List<Object>> expected =
        List.of(
            Arrays.asList(1L, at("10:00:00"), "a", 2L, 0.2, 0.2),
            Arrays.asList(1L, at("11:00:00"), "b", null, null, 0.2),
            Arrays.asList(1L, Instant.parse("2021-01-01T10:59:59.999999Z"), "c", 2L, 0.2, 0.2),
            Arrays.asList(1L, at("09:59:00"), "d", null, null, null),
            Arrays.asList(3L, at("12:00:00"), "e", null, null, null),
            Arrays.asList(1L, at("10:30:00"), "f", 2L, 0.2, 0.2),
            Arrays.asList(1L, at("10:00:00"), "g", 2L, 0.2, 0.2),
            Arrays.asList(2L, at("12:00:00"), "h", null, null, 0.4));
    assertThat(table.rows()).isEqualTo(expected);
  }

  @Test
  void csvEntityRowsWithMixedOffsetsReadNaiveTimesAsUtc() throws Exception {
    writeStats(EDGE_STATS);
    Path csv = repo.resolve("entities.csv");
    Files.writeString(
        csv,
        "event_timestamp,driver_id,label\n"
            + "2021-01-01 12:30:00+02:00,1,f\n"
            + "2021-01-01 11:00:00,1,b\n"
            + "2021-01-01 12:00:00,2,h\n");
    Path out = repo.resolve("out/result.csv");
    Files.createDirectories(out.getParent());

    long rows =
        historical.write(
            historical.features(List.of("short_ttl:trips", "forever:rate"), false),
            EntityRows.file(csv),
            out);

    assertThat(rows).isEqualTo(3);
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "event_timestamp,driver_id,label,trips,rate",
            "2021-01-01 10:30:00+00,1,f,2,0.2",
            "2021-01-01 11:00:00+00,1,b,,0.2",
            "2021-01-01 12:00:00+00,2,h,,0.4");
    assertThat(Files.list(out.getParent()).map(p -> p.getFileName().toString()))
        .containsExactly("result.csv");
  }

  @Test
  void randomRowsMatchABruteForceJoinInOrder() throws Exception {
    Random random = new Random(42);
    List<Stat> stats = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // Minutes within two days, so that exact-time ties, ttl edges and created ties all occur.
      Instant ts = at("00:00:00").plus(Duration.ofMinutes(random.nextInt(48 * 60)));
      Instant created = ts.plus(Duration.ofMinutes(random.nextInt(3)));
      stats.add(new Stat(random.nextInt(40), ts, created, i, random.nextDouble()));
    }
    // Make each (driver, ts, created) unique, so that the expected winner of a tie is unique too.
    Map<List<Object>, Stat> unique = new LinkedHashMap<>();
    stats.forEach(s -> unique.putIfAbsent(List.of(s.driver(), s.ts(), s.created()), s));
    List<Stat> rows = new ArrayList<>(unique.values());
    Collections.shuffle(rows, random);
    writeStats(rows);

    int count = 5000;
    List<Long> drivers = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      drivers.add((long) random.nextInt(45)); // some drivers have no rows
      times.add(at("00:00:00").plus(Duration.ofSeconds(random.nextInt(50 * 3600))));
    }
    Path entities = repo.resolve("entities.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE e (position INTEGER, driver_id BIGINT, event_timestamp TIMESTAMP)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO e VALUES (?, ?, ?)")) {
        for (int i = 0; i < count; i++) {
          insert.setInt(1, i);
          insert.setLong(2, drivers.get(i));
          insert.setObject(
              3, java.time.LocalDateTime.ofInstant(times.get(i), java.time.ZoneOffset.UTC));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      s.execute(
          "COPY (SELECT * FROM e ORDER BY position) TO '"
              + entities
              + "' (FORMAT parquet, ROW_GROUP_SIZE 512)");
    }
    Path out = repo.resolve("result.parquet");

    historical.write(
        historical.features(List.of("short_ttl:trips", "forever:rate"), false),
        EntityRows.file(entities),
        out);

    List<String> actual = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT position, driver_id, trips, rate FROM read_parquet('"
                    + out
                    + "', file_row_number = true) ORDER BY file_row_number")) {
      while (r.next()) {
        actual.add(r.getInt(1) + " " + r.getLong(2) + " " + r.getObject(3) + " " + r.getObject(4));
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Stat withinTtl = latest(rows, drivers.get(i), times.get(i), Duration.ofHours(1));
      Stat ever = latest(rows, drivers.get(i), times.get(i), null);
      expected.add(
          i
              + " "
              + drivers.get(i)
              + " "
              + (withinTtl == null ? null : withinTtl.trips())
              + " "
              + (ever == null ? null : ever.rate()));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(expected.stream().filter(line -> line.endsWith("null null")).count())
        .isBetween(100L, 2000L);
  }

  /** Feast's rule, by brute force: greatest ts <= t and > t - ttl, then greatest created. */
  private static Stat latest(List<Stat> rows, long driver, Instant time, Duration ttl) {
    Stat best = null;
    for (Stat row : rows) {
      if (row.driver() != driver
          || row.ts().isAfter(time)
          || (ttl != null && !row.ts().isAfter(time.minus(ttl)))) {
        continue;
      }
      if (best == null
          || row.ts().isAfter(best.ts())
          || (row.ts().equals(best.ts()) && row.created().isAfter(best.created()))) {
        best = row;
      }
    }
    return best;
  }

  @Test
  void mistakesAreNamed() throws Exception {
    writeStats(EDGE_STATS);
    Map<String, List<?>> noTime = Map.of("driver_id", List.of(1L));
    assertThatThrownBy(
            () ->
                historical.read(
                    historical.features(List.of("short_ttl:trips"), false),
                    new EntityRows.Columns(noTime)))
        .isInstanceOf(HistoricalRequestException.class)
        .hasMessage(
            "the entity rows have no 'event_timestamp' column, the time each row wants features as of; they have [driver_id]");
    Map<String, List<?>> noKey = Map.of("event_timestamp", List.of(at("10:00:00")));
    assertThatThrownBy(
            () ->
                historical.read(
                    historical.features(List.of("short_ttl:trips"), false),
                    new EntityRows.Columns(noKey)))
        .hasMessage(
            "the entity rows have no 'driver_id' column, the join key of feature view 'short_ttl'; they have [event_timestamp]");
    assertThatThrownBy(() -> historical.features(List.of("short_ttl:trip"), false))
        .hasMessage("feature view 'short_ttl' has no feature 'trip'; did you mean 'trips'?");
    assertThatThrownBy(() -> historical.features(List.of("short_tl:trips"), false))
        .hasMessage("feature view 'short_tl' does not exist; did you mean 'short_ttl'?");
    assertThatThrownBy(() -> historical.features(List.of("short_ttl:rate", "forever:rate"), false))
        .hasMessage(
            "two requested features would both be column 'rate' (short_ttl:rate and forever:rate); ask for full feature names (view__feature)");
    Map<String, List<?>> badKey = new LinkedHashMap<>();
    badKey.put("driver_id", List.of("one"));
    badKey.put("event_timestamp", List.of(at("10:00:00")));
    assertThatThrownBy(
            () ->
                historical.read(
                    historical.features(List.of("short_ttl:trips"), false),
                    new EntityRows.Columns(badKey)))
        .isInstanceOf(HistoricalRequestException.class)
        .hasMessageStartingWith(
            "the entity rows cannot be read as the views declare them: Conversion Error:")
        .hasMessageContaining("one");
    Path out = repo.resolve("never.parquet");
    assertThatThrownBy(
            () ->
                historical.write(
                    historical.features(List.of("short_ttl:trips"), false),
                    EntityRows.file(repo.resolve("missing.csv")),
                    out))
        .hasMessage("the entity rows file " + repo.resolve("missing.csv") + " does not exist");
    assertThat(out).doesNotExist();
  }

  private static FeatureRegistry registry() {
    return new TestRegistry(List.of(STATS), List.of(SHORT_TTL, FOREVER));
  }
}
