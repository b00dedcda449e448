package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code freshet.online-store.*}: which online store, and how to reach it. */
@ConfigurationProperties("freshet.online-store")
public class OnlineStoreConfig {
  /** The kinds of online store. */
  public enum Type {
    EMBEDDED,
    REDIS
  }

  private Type type = Type.EMBEDDED;
  private final Redis redis;
  private final Embedded embedded;

  public OnlineStoreConfig(Redis redis, Embedded embedded) {
    this.redis = redis;
    this.embedded = embedded;
  }

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public Redis getRedis() {
    return redis;
  }

  public Embedded getEmbedded() {
    return embedded;
  }

  /** {@code freshet.online-store.redis.*}. */
  @ConfigurationProperties("redis")
  public static class Redis {
    private String connectionString = "localhost:6379";
    private RedisTopology type = RedisTopology.STANDALONE;
    private Duration keyTtl = Duration.ZERO;
    private Duration readTimeout = Duration.ofMillis(100);

    /** Feast's form: {@code host:port[,host:port...][,password=...,ssl=true,db=N]}. */
    public String getConnectionString() {
      return connectionString;
    }

    public void setConnectionString(String connectionString) {
      this.connectionString = connectionString;
    }

    public RedisTopology getType() {
      return type;
    }

    public void setType(RedisTopology type) {
      this.type = type;
    }

    /** Expiry of each entity hash after a write; zero never expires (Feast's key_ttl_seconds). */
    public Duration getKeyTtl() {
      return keyTtl;
    }

    public void setKeyTtl(Duration keyTtl) {
      this.keyTtl = keyTtl;
    }

    /**
     * How long a read (and a health check) waits for Redis to answer; past it the read is a 503,
     * and reads are refused at once until Redis answers a probe again.
     */
    public Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }
  }

  /** {@code freshet.online-store.embedded.*}. */
  @ConfigurationProperties("embedded")
  public static class Embedded {
    private String path = "data/online_store";

    /** The RocksDB directory, relative to the repository root unless absolute. */
    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }
  }
}
