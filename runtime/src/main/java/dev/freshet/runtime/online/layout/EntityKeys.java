package dev.freshet.runtime.online.layout;

import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Feast's entity key serialization v3: the number of keys, the key names sorted, then each value
 * with its type and length, all integers little-endian.
 */
public final class EntityKeys {
  private EntityKeys() {}

  /**
   * The serialized key of an entity.
   *
   * @param joinKeys the view's join keys, in the view's order
   * @param values their values, in the same order, already of the keys' Java types
   */
  public static byte[] serialize(List<JoinKeySpec> joinKeys, List<?> values) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < joinKeys.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> joinKeys.get(i).name()));

    List<byte[]> names = new ArrayList<>();
    List<byte[]> encoded = new ArrayList<>();
    int size = 4;
    for (int i : order) {
      byte[] name = joinKeys.get(i).name().getBytes(StandardCharsets.UTF_8);
      byte[] value = encode(joinKeys.get(i), values.get(i));
      names.add(name);
      encoded.add(value);
      size += 8 + name.length + 8 + value.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(order.size());
    for (byte[] name : names) {
      out.putInt(ValueType.STRING.protoField()).putInt(name.length).put(name);
    }
    for (int k = 0; k < order.size(); k++) {
      byte[] value = encoded.get(k);
      out.putInt(joinKeys.get(order.get(k)).type().protoField()).putInt(value.length).put(value);
    }
    return out.array();
  }

  /** The serialized key followed by the project name, as Feast's Redis store keys its hashes. */
  public static byte[] redisKey(List<JoinKeySpec> joinKeys, List<?> values, String project) {
    byte[] key = serialize(joinKeys, values);
    byte[] suffix = project.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[key.length + suffix.length];
    System.arraycopy(key, 0, out, 0, key.length);
    System.arraycopy(suffix, 0, out, key.length, suffix.length);
    return out;
  }

  private static byte[] encode(JoinKeySpec key, Object value) {
    ByteBuffer buffer;
    switch (key.type()) {
      case STRING:
        return ((String) value).getBytes(StandardCharsets.UTF_8);
      case BYTES:
        return (byte[]) value;
      case INT32:
        buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(((Number) value).intValue());
        return buffer.array();
      case INT64:
        buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(((Number) value).longValue());
        return buffer.array();
      case UNIX_TIMESTAMP:
        buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(((Instant) value).getEpochSecond());
        return buffer.array();
      default:
        throw new IllegalArgumentException(
            "join key " + key.name() + " has type " + key.type() + ", which cannot be a key");
    }
  }
}
