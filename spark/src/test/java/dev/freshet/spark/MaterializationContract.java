package dev.freshet.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.materialize.MaterializationJob;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.materialize.ViewSummary;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.runtime.registry.FileRegistryStore;
import dev.freshet.runtime.registry.Interval;
import dev.freshet.spark.Parquet.Stat;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.RedisServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What materialization does on every engine, into a real redis-server: the latest row per entity in
 * the interval, newest-wins, the interval recorded only after a run succeeded. Expected values come
 * from the rows written here, by brute force.
 */
abstract class MaterializationContract {
  static final FeatureViewSpec STATS_VIEW =
      new FeatureViewSpec(
          "stats_view",
          List.of("driver"),
          List.of(OfflineEngineContract.DRIVER),
          "stats",
          Duration.ofDays(7),
          true,
          List.of(
              new FeatureSpec("trips", ValueType.INT64, true),
              new FeatureSpec("rate", ValueType.DOUBLE, true)),
          "",
          Map.of(),
          "");

  static RedisServerProcess redis;

  @TempDir Path repo;
  FreshetConfig config;
  OnlineStoreConfig online;
  OnlineStore store;
  FileRegistryStore registryStore;
  MaterializationJob job;
  List<Stat> rows;

  /** The job as the engine under test runs it. */
  abstract MaterializationJob on(
      MaterializationJob job, FreshetConfig config, OnlineStoreConfig online);

  @BeforeAll
  static void startRedis() {
    redis = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    redis.client().flushAll();
    config = new FreshetConfig();
    config.setRepoPath(repo.toString());
    online = new OnlineStoreConfig(new OnlineStoreConfig.Redis(), new OnlineStoreConfig.Embedded());
    online.setType(OnlineStoreConfig.Type.REDIS);
    online.getRedis().setConnectionString(redis.connectionString());
    store =
        RedisStores.open(
            redis.connectionString(), RedisTopology.STANDALONE, config.getProject(), Duration.ZERO);
    registryStore = new FileRegistryStore(repo.resolve("registry.json"), config.getProject());
    FeatureRegistry registry =
        new StatsRegistry(List.of(OfflineEngineContract.STATS), List.of(STATS_VIEW));
    job = on(new MaterializationJob(registry, config, registryStore, () -> store), config, online);

    Random random = new Random(7);
    rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      // Minutes within three days, so that ties of event time (and of created time) occur.
      Instant ts =
          Instant.parse("2021-01-01T00:00:00Z").plusSeconds(60L * random.nextInt(3 * 1440));
      Instant created = ts.plusSeconds(60L * random.nextInt(3));
      rows.add(new Stat(random.nextInt(60), ts, created, i, random.nextDouble()));
    }
    // Each (driver, ts, created) once, so that the expected winner of a tie is unique too.
    Map<List<Object>, Stat> unique = new LinkedHashMap<>();
    rows.forEach(r -> unique.putIfAbsent(List.of(r.driver(), r.ts(), r.created()), r));
    rows = new ArrayList<>(unique.values());
    Collections.shuffle(rows, random);
    Parquet.writeStats(repo.resolve("stats.parquet"), rows);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** Per driver, the row of greatest ts in [start, end], then of greatest created. */
  static Map<Long, Stat> latest(List<Stat> rows, Instant start, Instant end) {
    Map<Long, Stat> latest = new TreeMap<>();
    for (Stat row : rows) {
      if (row.ts().isBefore(start) || row.ts().isAfter(end)) {
        continue;
      }
      latest.merge(
          row.driver(),
          row,
          (a, b) -> {
            int byTime = a.ts().compareTo(b.ts());
            int byCreated = a.created().compareTo(b.created());
            if (byTime != 0) {
              return byTime > 0 ? a : b;
            }
            if (byCreated != 0) {
              return byCreated > 0 ? a : b;
            }
            throw new IllegalStateException("the rows are unique by driver, ts and created");
          });
    }
    return latest;
  }

  /** What Redis holds for drivers 0 to 59, as "driver ts trips rate" lines (found ones only). */
  List<String> stored() {
    List<List<Object>> drivers = new ArrayList<>();
    for (long d = 0; d < 60; d++) {
      drivers.add(List.of(d));
    }
    List<StoredRow> read =
        store.read(List.of(new ViewRead(STATS_VIEW, List.of("trips", "rate"), drivers))).get(0);
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < read.size(); d++) {
      StoredRow row = read.get(d);
      if (row.found()) {
        lines.add(
            d + " " + row.eventTimestamp() + " " + row.values().get(0) + " " + row.values().get(1));
      }
    }
    return lines;
  }

  static List<String> lines(Map<Long, Stat> latest) {
    List<String> lines = new ArrayList<>();
    latest.forEach(
        (driver, row) -> lines.add(driver + " " + row.ts() + " " + row.trips() + " " + row.rate()));
    return lines;
  }

  @Test
  void theLatestRowPerEntityInTheIntervalIsWrittenAndTheIntervalRecorded() {
    Instant start = Instant.parse("2021-01-01T12:00:00Z");
    Instant end = Instant.parse("2021-01-02T12:00:00Z");

    List<ViewSummary> summaries =
        job.materialize(List.of("stats_view"), start, end, MaterializationProgress.SILENT);

    Map<Long, Stat> expected = latest(rows, start, end);
    assertThat(stored()).isEqualTo(lines(expected));
    ViewSummary summary = summaries.get(0);
    long inInterval =
        rows.stream().filter(r -> !r.ts().isBefore(start) && !r.ts().isAfter(end)).count();
    assertThat(
            List.of(
                summary.rowsRead(),
                summary.entities(),
                summary.written(),
                summary.skippedAsOlder()))
        .isEqualTo(List.of(inInterval, (long) expected.size(), (long) expected.size(), 0L));
    assertThat(registryStore.lastInterval("stats_view", store.identity()))
        .contains(new Interval(start, end));
  }

  @Test
  void anOlderIntervalAfterANewerOneChangesNothing() {
    Instant newer = Instant.parse("2021-01-03T00:00:00Z");
    Instant end = Instant.parse("2021-01-04T00:00:00Z");
    job.materialize(List.of("stats_view"), newer, end, MaterializationProgress.SILENT);
    List<String> before = stored();

    Instant older = Instant.parse("2021-01-01T00:00:00Z");
    ViewSummary summary =
        job.materialize(List.of("stats_view"), older, newer, MaterializationProgress.SILENT).get(0);

    Map<Long, Stat> newest = latest(rows, newer, end);
    Map<Long, Stat> expected = new TreeMap<>(latest(rows, older, newer));
    expected.putAll(newest);
    assertThat(before).isEqualTo(lines(newest));
    assertThat(stored()).isEqualTo(lines(expected));
    long olderOnly =
        latest(rows, older, newer).keySet().stream().filter(d -> !newest.containsKey(d)).count();
    assertThat(summary.written()).isEqualTo(olderOnly);
    assertThat(summary.skippedAsOlder()).isEqualTo(latest(rows, older, newer).size() - olderOnly);
  }

  @Test
  void aFailedRunRecordsNoInterval() {
    Instant start = Instant.parse("2021-01-01T12:00:00Z");
    Instant end = Instant.parse("2021-01-02T12:00:00Z");
    String identity = store.identity();
    redis.kill();
    try {
      assertThatThrownBy(
              () ->
                  job.materialize(
                      List.of("stats_view"), start, end, MaterializationProgress.SILENT))
          .hasMessageContaining("stats_view");
    } finally {
      redis.restart();
    }
    assertThat(registryStore.intervals("stats_view", identity)).isEmpty();
  }
}
