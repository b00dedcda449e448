package dev.freshet.runtime.server;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} open connections: past it, the connection idle the longest (no request in
 * hand) is closed to make room, so that idle or abandoned connections can never exhaust the
 * process's file descriptors and a new client is still served; when every connection is busy, the
 * new one is closed instead.
 */
final class ConnectionLimit {
  private static final class Open {
    final RequestGate gate;
    volatile long lastActive = System.nanoTime();

    Open(RequestGate gate) {
      this.gate = gate;
    }
  }

  private final int max;
  private final Map<Channel, Open> open = new ConcurrentHashMap<>();

  ConnectionLimit(int max) {
    this.max = max;
  }

  /**
   * The default: what the process may open, less a thousand descriptors for everything else (jar
   * files, stores, the stores' connections), at least 64.
   */
  static int defaultMax() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return (int)
          Math.max(64, Math.min(Integer.MAX_VALUE, unix.getMaxFileDescriptorCount() - 1_024));
    }
    return 10_000;
  }

  void opened(Channel channel, RequestGate gate) {
    open.put(channel, new Open(gate));
    channel.closeFuture().addListener(closed -> open.remove(channel));
    if (open.size() > max) {
      makeRoom(channel);
    }
  }

  void active(Channel channel) {
    Open connection = open.get(channel);
    if (connection != null) {
      connection.lastActive = System.nanoTime();
    }
  }

  /**
   * Closes the idlest hundredth of the connections at once (one scan, not one per connection
   * accepted past the limit), or the newest when every other one is busy.
   */
  private synchronized void makeRoom(Channel newest) {
    if (open.size() <= max) {
      return; // another accept made room meanwhile
    }
    int room = Math.max(1, max / 100);
    PriorityQueue<Map.Entry<Channel, Open>> idlest =
        new PriorityQueue<>(
            room + 1, (a, b) -> Long.compare(b.getValue().lastActive, a.getValue().lastActive));
    for (Map.Entry<Channel, Open> entry : open.entrySet()) {
      if (entry.getKey() != newest && !entry.getValue().gate.busy()) {
        idlest.add(entry);
        if (idlest.size() > room) {
          idlest.poll(); // the least idle of those kept
        }
      }
    }
    if (idlest.isEmpty()) {
      newest.close();
    }
    for (Map.Entry<Channel, Open> entry : idlest) {
      open.remove(entry.getKey());
      entry.getKey().close();
    }
  }

  int max() {
    return max;
  }
}
