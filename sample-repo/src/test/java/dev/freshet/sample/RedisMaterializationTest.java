package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.testing.FreePorts;
import dev.freshet.testing.RedisServerProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Materialization into a real redis-server started for this class. */
class RedisMaterializationTest extends MaterializationContract {
  private static RedisServerProcess redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void emptyRedis() {
    try (Jedis jedis = redis.client()) {
      jedis.flushAll();
    }
  }

  @Override
  Map<String, String> storeProperties() {
    return Map.of(
        "freshet.online-store.type",
        "redis",
        "freshet.online-store.redis.connection-string",
        redis.connectionString());
  }

  @Override
  OnlineStore openStore() {
    return RedisStores.open(
        redis.connectionString(), RedisTopology.STANDALONE, "driver_churn", Duration.ZERO);
  }

  /**
   * Following the README in order: the embedded store first, then Redis. Each store has its own
   * materialized intervals, so the switch loads Redis, and says why it starts where it does.
   */
  @Test
  void switchingFromTheEmbeddedStoreToRedisLoadsRedis() throws Exception {
    Map<String, String> embedded = Map.of("freshet.repo-path", repo.toString());
    assertThat(Cli.run(embedded, "apply").exitCode()).isZero();
    Cli.Result first = Cli.run(embedded, "materialize-incremental", "2022-03-15");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("driver_hourly_stats: 1,807 rows read");

    Cli.Result switched = run("materialize-incremental", "2022-03-15");
    assertThat(switched.exitCode()).as(switched.err()).isZero();
    assertThat(switched.out())
        .contains(
            "driver_hourly_stats: from 1748-05-30T00:00:00Z (nothing materialized into this store"
                + " yet: its ttl back from the end), 5 entities to write")
        .contains("driver_hourly_stats: 1,807 rows read")
        .contains("5 entities written");
    assertThat(readHourly(1001L).get(0))
        .isEqualTo(
            new dev.freshet.runtime.online.StoredRow(
                java.time.Instant.parse("2022-03-14T14:00:00Z"),
                java.util.List.of(0.40458846f, 0.40757075f, (float) 46.53329195929919)));

    Cli.Result again = run("materialize-incremental", "2022-03-15");
    assertThat(again.out()).doesNotContain("rows read"); // Redis is up to date now
  }

  /** A Redis that lost its data (a restart without persistence) is loaded again, not skipped. */
  @Test
  void aRedisThatLostItsDataIsLoadedAgain() throws Exception {
    assertThat(run("apply").exitCode()).isZero();
    assertThat(run("materialize-incremental", "2022-03-15").out()).contains("5 entities written");
    try (Jedis jedis = redis.client()) {
      jedis.flushAll();
    }

    Cli.Result again = run("materialize-incremental", "2022-03-15");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("(nothing materialized into this store yet: its ttl back from the end)")
        .contains("driver_hourly_stats: 1,807 rows read")
        .contains("5 entities written");
  }

  @Test
  void aRedisThatIsDownIsReportedAndNoIntervalIsRecorded() throws Exception {
    run("apply");
    int nobody = FreePorts.next();
    Cli.Result result =
        Cli.run(
            Map.of(
                "freshet.repo-path",
                repo.toString(),
                "freshet.online-store.type",
                "redis",
                "freshet.online-store.redis.connection-string",
                "127.0.0.1:" + nobody),
            "materialize-incremental",
            "2022-03-15");

    assertThat(result.exitCode()).isEqualTo(1);
    // It stops before reading anything: the store's id, which keys its intervals, is unreadable.
    assertThat(result.err())
        .isEqualTo(
            "error: cannot read the store's id from Redis (redis standalone 127.0.0.1:"
                + nobody
                + "): Failed to connect to 127.0.0.1:"
                + nobody
                + ".\n");
    assertThat(repo.resolve("data/registry.json"))
        .content()
        .doesNotContain("materialization_intervals");
  }
}
