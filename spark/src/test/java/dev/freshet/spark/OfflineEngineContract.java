package dev.freshet.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.runtime.historical.HistoricalRequestException;
import dev.freshet.runtime.historical.HistoricalTable;
import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.runtime.offline.PushedFiles;
import dev.freshet.spark.Parquet.Stat;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * What every {@link OfflineEngine} does, on Parquet files written here, with expected values worked
 * out by hand for the edge cases and by brute force over every row for a random set: run against
 * DuckDB's engine and Spark's, as OnlineStoreContract runs against every online store.
 */
abstract class OfflineEngineContract {
  static final JoinKeySpec DRIVER = new JoinKeySpec("driver_id", ValueType.INT64);
  static final FileSourceSpec STATS =
      new FileSourceSpec("stats", "stats.parquet", "ts", "created", Map.of(), "", Map.of(), "");
  static final PushSourceSpec PUSHED_STATS =
      new PushSourceSpec("pushed_stats", "stats", "", Map.of(), "");
  static final FeatureViewSpec SHORT_TTL =
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
  static final FeatureViewSpec FOREVER =
      new FeatureViewSpec(
          "forever",
          List.of("driver"),
          List.of(DRIVER),
          "pushed_stats",
          Duration.ZERO,
          true,
          List.of(new FeatureSpec("rate", ValueType.DOUBLE, true)),
          "",
          Map.of(),
          "");

  /** The sample repository's source and views, over the workshop's file. */
  static final FileSourceSpec DRIVER_STATS =
      new FileSourceSpec(
          "driver_stats_source",
          "data/driver_stats.parquet",
          "event_timestamp",
          "created",
          Map.of(),
          "",
          Map.of(),
          "");

  static final PushSourceSpec DRIVER_STATS_PUSH =
      new PushSourceSpec("driver_stats_push_source", "driver_stats_source", "", Map.of(), "");

  static final FeatureViewSpec HOURLY =
      new FeatureViewSpec(
          "driver_hourly_stats",
          List.of("driver"),
          List.of(DRIVER),
          "driver_stats_source",
          Duration.ofSeconds(8640000000L),
          true,
          List.of(
              new FeatureSpec("conv_rate", ValueType.FLOAT, true),
              new FeatureSpec("acc_rate", ValueType.FLOAT, true),
              new FeatureSpec("miles_driven", ValueType.FLOAT, true)),
          "",
          Map.of(),
          "");
  static final FeatureViewSpec DAILY =
      new FeatureViewSpec(
          "driver_daily_features",
          List.of("driver"),
          List.of(DRIVER),
          "driver_stats_push_source",
          Duration.ofSeconds(8640000000L),
          true,
          List.of(new FeatureSpec("daily_miles_driven", ValueType.FLOAT, true)),
          "",
          Map.of(),
          "");

  @TempDir Path repo;
  HistoricalFeatures historical;

  /** The engine under test over {@code registry}, its sources resolved against {@code config}. */
  abstract OfflineEngine engine(FeatureRegistry registry, FreshetConfig config);

  @BeforeEach
  void engine() {
    historical = open(new TestRegistry(List.of(STATS, PUSHED_STATS), List.of(SHORT_TTL, FOREVER)));
  }

  HistoricalFeatures open(FeatureRegistry registry) {
    FreshetConfig config = new FreshetConfig();
    config.setRepoPath(repo.toString());
    return new HistoricalFeatures(registry, engine(registry, config));
  }

  static Instant at(String time) {
    return Instant.parse("2021-01-01T" + time + "Z");
  }

  void writeStats(List<Stat> stats) throws Exception {
    Parquet.writeStats(repo.resolve("stats.parquet"), stats);
  }

  static final List<Stat> EDGE_STATS =
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
            OffsetDateTime.parse("2021-01-01T12:30:00+02:00").toInstant(), // 10:30 UTC
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
  void pushedFilesBesideTheSourceAreRead() throws Exception {
    writeStats(EDGE_STATS);
    // A push after the file was written: a newer row for driver 2, through the push source's view.
    Parquet.writeStats(
        PushedFiles.next(repo.resolve("stats.parquet"), at("13:00:00")),
        List.of(new Stat(2, at("11:00:00"), at("11:00:00"), 5, 0.5)));
    Map<String, List<?>> entities = new LinkedHashMap<>();
    entities.put("driver_id", List.of(2L, 2L));
    entities.put("event_timestamp", List.of(at("10:59:00"), at("11:30:00")));

    HistoricalTable table =
        historical.read(
            historical.features(List.of("short_ttl:trips", "forever:rate"), false),
            new EntityRows.Columns(entities));

    assertThat(table.rows())
        .isEqualTo(
            List.of(
                Arrays.asList(2L, at("10:59:00"), null, 0.4),
                Arrays.asList(2L, at("11:30:00"), 5L, 0.5)));
  }

  /** A source of stats files (EDGE_STATS' columns) at {@code path}. */
  static FileSourceSpec statsAt(String name, String path) {
    return new FileSourceSpec(name, path, "ts", "created", Map.of(), "", Map.of(), "");
  }

  /** A view of the trips of {@code source}, without a ttl. */
  static FeatureViewSpec tripsOf(String name, String source) {
    return new FeatureViewSpec(
        name,
        List.of("driver"),
        List.of(DRIVER),
        source,
        Duration.ZERO,
        true,
        List.of(new FeatureSpec("trips", ValueType.INT64, true)),
        "",
        Map.of(),
        "");
  }

  @Test
  void aDirectoryOfParquetFilesIsOneSource() throws Exception {
    FileSourceSpec directory = statsAt("split", "split_stats");
    FeatureViewSpec view = tripsOf("split_view", "split");
    Files.createDirectories(repo.resolve("split_stats"));
    // The tie of driver 1 at 10:00 spans the two files: the later created time wins across them.
    Parquet.writeStats(repo.resolve("split_stats/part-a.parquet"), EDGE_STATS.subList(0, 1));
    Parquet.writeStats(repo.resolve("split_stats/part-b.parquet"), EDGE_STATS.subList(1, 4));
    HistoricalFeatures split = open(new TestRegistry(List.of(directory), List.of(view)));
    Map<String, List<?>> entities = new LinkedHashMap<>();
    entities.put("driver_id", List.of(1L, 1L, 2L));
    entities.put("event_timestamp", List.of(at("10:00:00"), at("13:00:00"), at("09:00:00")));

    HistoricalTable table =
        split.read(
            split.features(List.of("split_view:trips"), false), new EntityRows.Columns(entities));

    assertThat(table.rows())
        .isEqualTo(
            List.of(
                Arrays.asList(1L, at("10:00:00"), 2L),
                Arrays.asList(1L, at("13:00:00"), 3L),
                Arrays.asList(2L, at("09:00:00"), 4L)));
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
    assertThat(Files.readAllLines(out).get(0))
        .isEqualTo("event_timestamp,driver_id,label,trips,rate");
    // Read back as values: each engine spells times its own way, both with their offset.
    assertThat(
            Parquet.query(
                "SELECT strftime(CAST(event_timestamp AS TIMESTAMPTZ), '%Y-%m-%d %H:%M:%S%z'),"
                    + " driver_id, label, trips, rate FROM"
                    + " read_csv('"
                    + out
                    + "', header = true)"))
        .containsExactly(
            "2021-01-01 10:30:00+00 1 f 2 0.2",
            "2021-01-01 11:00:00+00 1 b null 0.2",
            "2021-01-01 12:00:00+00 2 h null 0.4");
    try (var files = Files.list(out.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("result.csv");
    }
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
    // Each (driver, ts, created) unique, so that the expected winner of a tie is unique too.
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
    Parquet.writeEntities(entities, drivers, times);
    Path out = repo.resolve("result.parquet");

    long written =
        historical.write(
            historical.features(List.of("short_ttl:trips", "forever:rate"), false),
            EntityRows.file(entities),
            out);

    assertThat(written).isEqualTo(count);
    List<String> actual =
        Parquet.query(
            "SELECT position, driver_id, trips, rate FROM read_parquet('"
                + out
                + "', file_row_number = true) ORDER BY file_row_number");
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
  static Stat latest(List<Stat> rows, long driver, Instant time, Duration ttl) {
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
  void theWorkshopsTrainingData() throws Exception {
    Files.createDirectories(repo.resolve("data"));
    Files.copy(
        Path.of("..", "sample-repo", "data", "driver_stats.parquet"),
        repo.resolve("data/driver_stats.parquet"));
    HistoricalFeatures sample =
        open(new TestRegistry(List.of(DRIVER_STATS, DRIVER_STATS_PUSH), List.of(HOURLY, DAILY)));
    Map<String, List<?>> entities = new LinkedHashMap<>();
    entities.put("driver_id", List.of(1001L, 1002L, 1003L, 1004L));
    entities.put(
        "event_timestamp",
        List.of(
            Instant.parse("2021-04-12T10:59:42Z"),
            Instant.parse("2021-04-12T08:12:10Z"),
            Instant.parse("2021-04-12T16:40:26Z"),
            Instant.parse("2021-04-12T15:01:12Z")));
    entities.put("label", List.of(1L, 0L, 1L, 0L));

    HistoricalTable table =
        sample.read(
            sample.features(
                List.of(
                    "driver_hourly_stats:conv_rate",
                    "driver_hourly_stats:acc_rate",
                    "driver_daily_features:daily_miles_driven"),
                false),
            new EntityRows.Columns(entities));

    // The workshop's numbers, to float precision.
    assertThat(table.value(0, "driver_id")).isEqualTo(1001L);
    assertThat((float) table.value(0, "conv_rate")).isCloseTo(0.521149f, offset());
    assertThat((float) table.value(0, "acc_rate")).isCloseTo(0.751659f, offset());
    assertThat((float) table.value(0, "daily_miles_driven")).isCloseTo(18.926695f, offset());
    // Every row, exactly, against the file's rows joined here by brute force.
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      long driver = (Long) entities.get("driver_id").get(i);
      String asOf = ((Instant) entities.get("event_timestamp").get(i)).toString();
      expected.addAll(
          Parquet.query(
              "SELECT CAST(conv_rate AS FLOAT), CAST(acc_rate AS FLOAT),"
                  + " CAST(daily_miles_driven AS FLOAT) FROM read_parquet('"
                  + repo.resolve("data/driver_stats.parquet")
                  + "') WHERE driver_id = "
                  + driver
                  + " AND event_timestamp <= TIMESTAMPTZ '"
                  + asOf
                  + "' ORDER BY event_timestamp DESC, created DESC LIMIT 1"));
    }
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      actual.add(
          table.value(i, "conv_rate")
              + " "
              + table.value(i, "acc_rate")
              + " "
              + table.value(i, "daily_miles_driven"));
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static org.assertj.core.data.Offset<Float> offset() {
    return org.assertj.core.data.Offset.offset(1e-6f);
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
            "the entity rows have no 'event_timestamp' column, the time each row wants features"
                + " as of; they have [driver_id]");
    Map<String, List<?>> noKey = Map.of("event_timestamp", List.of(at("10:00:00")));
    assertThatThrownBy(
            () ->
                historical.read(
                    historical.features(List.of("short_ttl:trips"), false),
                    new EntityRows.Columns(noKey)))
        .hasMessage(
            "the entity rows have no 'driver_id' column, the join key of feature view"
                + " 'short_ttl'; they have [event_timestamp]");
    Map<String, List<?>> badKey = new LinkedHashMap<>();
    badKey.put("driver_id", List.of("one"));
    badKey.put("event_timestamp", List.of(at("10:00:00")));
    assertThatThrownBy(
            () ->
                historical.read(
                    historical.features(List.of("short_ttl:trips"), false),
                    new EntityRows.Columns(badKey)))
        .isInstanceOf(HistoricalRequestException.class)
        .hasMessageStartingWith("the entity rows cannot be read as the views declare them: ")
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
}
