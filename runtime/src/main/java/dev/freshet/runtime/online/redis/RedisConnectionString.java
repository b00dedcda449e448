package dev.freshet.runtime.online.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.HostAndPort;

/**
 * Feast's Redis connection string: comma-separated {@code host:port} nodes, then {@code key=value}
 * options ({@code password}, {@code username}, {@code ssl}, {@code db}).
 */
public record RedisConnectionString(
    List<HostAndPort> nodes, String username, String password, boolean ssl, int database) {

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static RedisConnectionString parse(String text) {
    List<HostAndPort> nodes = new ArrayList<>();
    String username = null;
    String password = null;
    boolean ssl = false;
    int database = 0;
    for (String part : text.split(",")) {
      String item = part.trim();
      if (item.isEmpty()) {
        continue;
      }
      int equals = item.indexOf('=');
      if (equals >= 0) {
        String key = item.substring(0, equals).trim().toLowerCase(Locale.ROOT);
        String value = item.substring(equals + 1).trim();
        switch (key) {
          case "password" -> password = value;
          case "username" -> username = value;
          case "ssl" -> ssl = Boolean.parseBoolean(value);
          case "db" -> database = parseInt(value, "db", text);
          default ->
              throw new IllegalArgumentException(
                  "unknown option '"
                      + key
                      + "' in Redis connection string; known: password, username, ssl, db");
        }
      } else {
        int colon = item.lastIndexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException(
              "'" + item + "' in Redis connection string is not host:port, e.g. localhost:6379");
        }
        nodes.add(
            new HostAndPort(
                item.substring(0, colon), parseInt(item.substring(colon + 1), "port", text)));
      }
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException(
          "Redis connection string '" + redact(text) + "' names no host:port");
    }
    return new RedisConnectionString(List.copyOf(nodes), username, password, ssl, database);
  }

  private static int parseInt(String value, String what, String text) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' in Redis connection string '"
              + redact(text)
              + "' is not a number");
    }
  }

  /** The string without its password, for messages and logs. */
  static String redact(String text) {
    return text.replaceAll("(?i)password=[^,]*", "password=***");
  }

  /** The nodes, for messages: {@code localhost:6379}. */
  public String describeNodes() {
    return String.join(",", nodes.stream().map(HostAndPort::toString).toList());
  }
}
