package dev.freshet.runtime.online.redis;

import java.time.Duration;
import java.util.HashSet;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/** Opens a {@link RedisOnlineStore} from a Feast connection string. */
public final class RedisStores {
  /** How the Redis deployment is laid out. */
  public enum Topology {
    STANDALONE,
    CLUSTER
  }

  private RedisStores() {}

  /**
   * A store over the Redis that {@code connectionString} names. Connections open lazily; an
   * unreachable Redis is reported by the first read or write.
   *
   * @param keyTtl expiry of each entity hash after a write, zero for none
   */
  public static RedisOnlineStore open(String connectionString, Topology topology, String project, Duration keyTtl) {
    RedisConnectionString parsed = RedisConnectionString.parse(connectionString);
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .ssl(parsed.ssl())
            .connectionTimeoutMillis(2_000)
            .socketTimeoutMillis(5_000);
    if (parsed.password() != null) {
      config.password(parsed.password());
    }
    if (parsed.username() != null) {
      config.user(parsed.username());
    }
    UnifiedJedis jedis;
    if (topology == Topology.CLUSTER) {
      jedis = RedisClusterClient.builder().nodes(new HashSet<>(parsed.nodes())).clientConfig(config.build()).build();
    } else {
      JedisClientConfig standalone = config.database(parsed.database()).build();
      jedis = RedisClient.builder().hostAndPort(parsed.nodes().get(0)).clientConfig(standalone).build();
    }
    String description = "redis " + topology.name().toLowerCase(java.util.Locale.ROOT) + " " + parsed.describeNodes();
    return new RedisOnlineStore(jedis, project, keyTtl, description);
  }
}
