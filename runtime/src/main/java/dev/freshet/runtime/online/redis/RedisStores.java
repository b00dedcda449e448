package dev.freshet.runtime.online.redis;

import dev.freshet.runtime.config.RedisTopology;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;

/** Opens a {@link RedisOnlineStore} from a Feast connection string. */
public final class RedisStores {
  private RedisStores() {}

  /** How long a read may wait on Redis, unless configured (freshet.online-store.read-timeout). */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(100);

  /** How long a write may wait on Redis: a batch of script calls. */
  private static final int WRITE_TIMEOUT_MILLIS = 5_000;

  /**
   * {@link #open(String, RedisTopology, String, Duration, Duration)} with the default read timeout.
   */
  public static RedisOnlineStore open(
      String connectionString, RedisTopology topology, String project, Duration keyTtl) {
    return open(connectionString, topology, project, keyTtl, DEFAULT_READ_TIMEOUT);
  }

  /**
   * A store over the Redis that {@code connectionString} names. Connections open lazily; an
   * unreachable Redis is reported by the first read or write. Reads (and pings) wait at most {@code
   * readTimeout} for Redis to answer, writes 5 s: two connection pools.
   *
   * @param keyTtl expiry of each entity hash after a write, zero for none
   */
  public static RedisOnlineStore open(
      String connectionString,
      RedisTopology topology,
      String project,
      Duration keyTtl,
      Duration readTimeout) {
    RedisConnectionString parsed = RedisConnectionString.parse(connectionString);
    String description =
        "redis "
            + topology.name().toLowerCase(Locale.ROOT)
            + " "
            + parsed.describeNodes()
            + (topology == RedisTopology.STANDALONE && parsed.database() != 0
                ? " db " + parsed.database()
                : "");
    return new RedisOnlineStore(
        client(parsed, topology, WRITE_TIMEOUT_MILLIS),
        client(parsed, topology, (int) Math.max(1, readTimeout.toMillis())),
        project,
        keyTtl,
        description);
  }

  private static UnifiedJedis client(
      RedisConnectionString parsed, RedisTopology topology, int socketTimeoutMillis) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(Math.min(2_000, Math.max(socketTimeoutMillis, 500)))
            .socketTimeoutMillis(socketTimeoutMillis);
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
    if (topology == RedisTopology.CLUSTER) {
      return RedisClusterClient.builder()
          .nodes(new HashSet<>(parsed.nodes()))
          .clientConfig(config.build())
          .build();
    }
    JedisClientConfig standalone = config.database(parsed.database()).build();
    return RedisClient.builder()
        .hostAndPort(parsed.nodes().get(0))
        .clientConfig(standalone)
        .build();
  }
}
