package dev.freshet.spark;

import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.online.redis.RedisOnlineStore;
import dev.freshet.runtime.online.redis.RedisStores;
import java.io.Serializable;
import java.time.Duration;

/**
 * The Redis an executor writes to, as the driver's configuration names it. It holds the connection
 * string, password included when it has one: Spark ships it to the executors with the task, as it
 * ships any closure, so the cluster must be one the store's credentials may travel in.
 */
record StoreAddress(
    String connectionString, RedisTopology topology, String project, long keyTtlSeconds)
    implements Serializable {

  RedisOnlineStore open() {
    return RedisStores.open(connectionString, topology, project, Duration.ofSeconds(keyTtlSeconds));
  }
}
