package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.testing.FreePorts;
import dev.freshet.testing.RedisServerProcess;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.Jedis;

/** The server on a real redis-server, loaded by apply and materialize through the command line. */
class RedisServingTest extends ServingContract {
  private static RedisServerProcess redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Override
  Map<String, Object> storeProperties() {
    return Map.of(
        "freshet.online-store.type",
        "redis",
        "freshet.online-store.redis.connection-string",
        redis.connectionString());
  }

  @Override
  void prepareStore() {
    try (Jedis jedis = redis.client()) {
      jedis.flushAll();
    }
    Map<String, String> properties =
        Map.of(
            "freshet.repo-path", repo.toString(),
            "freshet.online-store.type", "redis",
            "freshet.online-store.redis.connection-string", redis.connectionString());
    assertThat(Cli.run(properties, "apply").exitCode()).isZero();
    assertThat(Cli.run(properties, "materialize-incremental", "2022-03-15").exitCode()).isZero();
  }

  @org.junit.jupiter.api.Test
  void healthIsDownAndReadsAre503WhenRedisIsUnreachable() throws Exception {
    int nobody = FreePorts.next();
    try (var unreachable =
        start(
            Map.of(
                "freshet.online-store.redis.connection-string",
                "127.0.0.1:" + nobody,
                "freshet.serving.management-token",
                "m-secret"))) {
      Http.Response health =
          Http.get(unreachable.url(), "/health", "Authorization", "Bearer m-secret");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("cannot ping Redis");
      Http.Response read =
          Http.post(
              unreachable.url(),
              "/get-online-features",
              "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}");
      assertThat(read.status()).isEqualTo(503);
      assertThat(read.body())
          .startsWith(
              "{\"error\":\"OnlineStoreUnavailable\",\"code\":\"FRESHET-API-017\",\"message\":\"")
          .contains("Redis");
    }
  }
}
