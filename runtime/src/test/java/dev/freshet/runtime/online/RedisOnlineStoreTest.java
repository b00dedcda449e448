package dev.freshet.runtime.online;

import static dev.freshet.runtime.online.TestRows.DAILY;
import static dev.freshet.runtime.online.TestRows.HOURLY;
import static dev.freshet.runtime.online.TestRows.hourly;
import static dev.freshet.runtime.online.TestRows.readDaily;
import static dev.freshet.runtime.online.TestRows.readHourly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.online.layout.EntityKeys;
import dev.freshet.runtime.online.layout.Timestamps;
import dev.freshet.runtime.online.redis.RedisOnlineStore;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.testing.FreePorts;
import dev.freshet.testing.RedisServerProcess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The online store contract and Feast's byte layout, against a real redis-server. */
class RedisOnlineStoreTest extends OnlineStoreContract {
  private static RedisServerProcess redis;
  private RedisOnlineStore store;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Override
  OnlineStore store() {
    try (Jedis jedis = redis.client()) {
      jedis.flushAll();
      jedis.scriptFlush();
    }
    store =
        RedisStores.open(
            redis.connectionString(), RedisTopology.STANDALONE, "feast_demo", Duration.ZERO);
    return store;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void theHashIsFeastsLayoutByteForByte() {
    store().write(HOURLY, List.of(hourly(1001, "2021-01-01T00:00:00Z", 0.5f, 0.25f, "hi")));

    byte[] key =
        HexFormat.of()
            .parseHex(
                "01000000"
                    + "02000000"
                    + "09000000"
                    + hex("driver_id")
                    + "04000000"
                    + "08000000"
                    + "e903000000000000"
                    + hex("feast_demo"));
    Map<String, String> hash = new TreeMap<>();
    try (Jedis jedis = redis.client()) {
      jedis
          .hgetAll(key)
          .forEach(
              (field, value) ->
                  hash.put(HexFormat.of().formatHex(field), HexFormat.of().formatHex(value)));
    }
    assertThat(hash)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "6160e3da",
                "350000003f", // driver_hourly_stats:conv_rate = float 0.5
                "fa5e58ad",
                "350000803e", // driver_hourly_stats:acc_rate = float 0.25
                HexFormat.of().formatHex(murmurField("driver_hourly_stats:note")),
                "12026869", // "hi"
                hex("_ts:driver_hourly_stats"),
                "0880ccb9ff05")); // 2021-01-01T00:00:00Z
  }

  @Test
  void aKeyThatIsNotAHashIsRefusedAndLeavesNothingUnreadOnTheConnection() {
    OnlineStore store = store();
    store.write(
        HOURLY,
        List.of(
            hourly(1001, "2022-03-14T14:00:00Z", 0.1f, 0.2f, "x"),
            hourly(1003, "2022-03-14T14:00:00Z", 0.5f, 0.6f, "z")));
    try (Jedis jedis = redis.client()) {
      jedis.set(
          EntityKeys.redisKey(HOURLY.joinKeys(), List.of(1002L), "feast_demo"),
          "not a hash".getBytes(StandardCharsets.UTF_8));
    }

    assertThatThrownBy(() -> store.read(List.of(readHourly(1001L, 1002L, 1003L))))
        .isInstanceOf(OnlineStoreException.class)
        .hasMessageStartingWith("Redis refused a read: WRONGTYPE");
    // The pool hands the same connection out again: an answer left unread on it would come back
    // as the answer to a later read.
    for (int i = 0; i < 20; i++) {
      List<StoredRow> rows = store.read(List.of(readHourly(1003L, 1001L))).get(0);
      assertThat(rows.get(0).values()).containsExactly(0.5f, 0.6f, "z");
      assertThat(rows.get(1).values()).containsExactly(0.1f, 0.2f, "x");
    }
  }

  @Test
  void readsWhatFeastWrote() {
    // A hash as Feast's materialization writes it, by hand: float 0.5 and a Timestamp.
    byte[] key =
        HexFormat.of()
            .parseHex(
                "01000000"
                    + "02000000"
                    + "09000000"
                    + hex("driver_id")
                    + "04000000"
                    + "08000000"
                    + "ea03000000000000"
                    + hex("feast_demo"));
    try (Jedis jedis = redis.client()) {
      jedis.flushAll();
      jedis.hset(
          key,
          Map.of(
              HexFormat.of().parseHex("6160e3da"), HexFormat.of().parseHex("350000003f"),
              "_ts:driver_hourly_stats".getBytes(StandardCharsets.UTF_8),
                  Timestamps.encode(Instant.parse("2021-01-01T00:00:00Z"))));
    }
    store =
        RedisStores.open(
            redis.connectionString(), RedisTopology.STANDALONE, "feast_demo", Duration.ZERO);
    StoredRow row =
        store
            .read(
                List.of(
                    new ViewRead(
                        HOURLY, List.of("conv_rate", "acc_rate"), List.of(List.of(1002L)))))
            .get(0)
            .get(0);
    assertThat(row)
        .isEqualTo(
            new StoredRow(
                Instant.parse("2021-01-01T00:00:00Z"), java.util.Arrays.asList(0.5f, null)));
  }

  @Test
  void keyTtlExpiresTheWholeEntityHash() {
    try (Jedis jedis = redis.client()) {
      jedis.flushAll();
    }
    store =
        RedisStores.open(
            redis.connectionString(), RedisTopology.STANDALONE, "feast_demo", Duration.ofHours(1));
    store.write(DAILY, List.of(TestRows.daily(1001, "2022-01-01T00:00:00Z", 1f)));
    try (Jedis jedis = redis.client()) {
      byte[] key = jedis.keys("*".getBytes(StandardCharsets.UTF_8)).iterator().next();
      assertThat(jedis.ttl(key)).isBetween(3500L, 3600L);
    }
  }

  @Test
  void anUnreachableRedisIsAClearError() throws Exception {
    int port = FreePorts.next();
    RedisOnlineStore unreachable =
        RedisStores.open("127.0.0.1:" + port, RedisTopology.STANDALONE, "p", Duration.ZERO);
    assertThatThrownBy(() -> unreachable.read(List.of(readDaily(1L))))
        .isInstanceOf(OnlineStoreException.class)
        .hasMessageContaining("cannot read from Redis (redis standalone 127.0.0.1:" + port + ")");
    unreachable.close();
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] murmurField(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int hash = org.apache.commons.codec.digest.MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(hash).array();
  }

  @Test
  void aPasswordProtectedRedisNeedsThePasswordInTheConnectionString() {
    try (RedisServerProcess locked = RedisServerProcess.start("--requirepass", "s3cret")) {
      try (RedisOnlineStore withPassword =
          RedisStores.open(
              locked.connectionString() + ",password=s3cret",
              RedisTopology.STANDALONE,
              "p",
              Duration.ZERO)) {
        withPassword.write(DAILY, List.of(TestRows.daily(1001, "2022-01-01T00:00:00Z", 1f)));
        assertThat(withPassword.read(List.of(readDaily(1001L))).get(0).get(0).values())
            .containsExactly(1f);
      }
      try (RedisOnlineStore withoutPassword =
          RedisStores.open(
              locked.connectionString(), RedisTopology.STANDALONE, "p", Duration.ZERO)) {
        assertThatThrownBy(() -> withoutPassword.read(List.of(readDaily(1001L))))
            .isInstanceOf(OnlineStoreException.class)
            .hasMessageContaining("NOAUTH");
      }
    }
  }
}
