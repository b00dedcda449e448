package dev.freshet.runtime.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.online.redis.RedisOnlineStore;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.testing.RedisClusterProcesses;
import dev.freshet.testing.RedisServerProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The online store contract against a real 3-node Redis Cluster: keys spread over every node. */
class RedisClusterOnlineStoreTest extends OnlineStoreContract {
  private static RedisClusterProcesses cluster;
  private RedisOnlineStore store;

  @BeforeAll
  static void startCluster() {
    cluster = RedisClusterProcesses.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  OnlineStore store() {
    for (RedisServerProcess node : cluster.processes()) {
      try (Jedis jedis = node.client()) {
        jedis.flushAll();
        jedis.scriptFlush();
      }
    }
    store =
        RedisStores.open(
            cluster.connectionString(), RedisTopology.CLUSTER, "driver_churn", Duration.ZERO);
    return store;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void entitiesAreSpreadOverEveryNode() {
    List<TestRows.Row> rows = new java.util.ArrayList<>();
    for (long id = 0; id < 300; id++) {
      rows.add(new TestRows.Row(id, java.time.Instant.ofEpochSecond(1_600_000_000L), (float) id));
    }
    store().write(TestRows.DAILY, rows);
    for (RedisServerProcess node : cluster.processes()) {
      try (Jedis jedis = node.client()) {
        assertThat(jedis.dbSize()).as("keys on node %s", node.port()).isPositive();
      }
    }
  }
}
