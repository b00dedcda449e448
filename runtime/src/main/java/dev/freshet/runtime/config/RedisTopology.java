package dev.freshet.runtime.config;

/** How a Redis online store is laid out ({@code freshet.online-store.redis.type}). */
public enum RedisTopology {
  STANDALONE,
  CLUSTER
}
