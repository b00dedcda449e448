package dev.freshet.runtime.online.redis;

import dev.freshet.runtime.config.RedisTopology;
import java.time.Duration;
import java.util.HashSet;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;

/** Opens a {@link RedisOnlineStore} from a Feast connection string. */
public final class RedisStores {
  private RedisStores() {}

  /**
   * A store over the Redis that {@code connectionString} names. Connections open lazily; an
   * unreachable Redis is reported by the first read or write.
   *
   * @param keyTtl expiry of each entity hash after a write, zero for none
   */
  public static RedisOnlineStore open(
      String connectionString, RedisTopology topology, String project, Duration keyTtl) {
    RedisConnectionString parsed = RedisConnectionString.parse(connectionString);
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(2_000)
            .socketTimeoutMillis(5_000);
    if (parsed.ssl()) {
      // The JVM's trust store, and the host name checked against the certificate.
      config.sslOptions(SslOptions.defaults());
    }
    if (parsed.password() != null) {
      config.password(parsed.password());
    }
    if (parsed.username() != null) {
      config.user(parsed.username());
    }
    UnifiedJedis jedis;
    if (topology == RedisTopology.CLUSTER) {
      jedis =
          RedisClusterClient.builder()
              .nodes(new HashSet<>(parsed.nodes()))
              .clientConfig(config.build())
              .build();
    } else {
      JedisClientConfig standalone = config.database(parsed.database()).build();
      jedis =
          RedisClient.builder().hostAndPort(parsed.nodes().get(0)).clientConfig(standalone).build();
    }
    String description =
        "redis "
            + topology.name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + parsed.describeNodes();
    return new RedisOnlineStore(jedis, project, keyTtl, description);
  }
}
