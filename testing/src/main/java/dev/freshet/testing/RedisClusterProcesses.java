package dev.freshet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** A real 3-node Redis Cluster (masters only) on free ports, joined with redis-cli. */
public final class RedisClusterProcesses implements AutoCloseable {
  private final List<RedisServerProcess> nodes;

  private RedisClusterProcesses(List<RedisServerProcess> nodes) {
    this.nodes = nodes;
  }

  public static RedisClusterProcesses start() {
    List<RedisServerProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(
            RedisServerProcess.start(
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"));
      }
      List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      nodes.forEach(n -> command.add("127.0.0.1:" + n.port()));
      command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
        throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
      }
      RedisClusterProcesses cluster = new RedisClusterProcesses(nodes);
      cluster.awaitClusterOk();
      return cluster;
    } catch (IOException e) {
      nodes.forEach(RedisServerProcess::stop);
      throw new IllegalStateException("cannot start a Redis Cluster: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      nodes.forEach(RedisServerProcess::stop);
      throw new IllegalStateException(e);
    }
  }

  private void awaitClusterOk() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      boolean ok = true;
      for (RedisServerProcess node : nodes) {
        try (Jedis jedis = node.client()) {
          ok &= jedis.clusterInfo().contains("cluster_state:ok");
        }
      }
      if (ok) {
        return;
      }
      RedisServerProcess.sleep(100);
    }
    throw new IllegalStateException("the Redis Cluster did not reach cluster_state:ok");
  }

  public Set<HostAndPort> nodes() {
    Set<HostAndPort> out = new HashSet<>();
    nodes.forEach(n -> out.add(n.hostAndPort()));
    return out;
  }

  /** Feast's form, every node: {@code 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}. */
  public String connectionString() {
    return String.join(",", nodes.stream().map(RedisServerProcess::connectionString).toList());
  }

  public List<RedisServerProcess> processes() {
    return nodes;
  }

  @Override
  public void close() {
    nodes.forEach(RedisServerProcess::stop);
  }
}
