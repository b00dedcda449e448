package dev.freshet.runtime.online.embedded;

import dev.freshet.runtime.online.layout.Timestamps;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The RocksDB value of one entity in one view: the event timestamp, then each feature's field hash
 * and Feast {@code Value} message, so that features are found by name as in Redis.
 */
final class StoredValue {
  private StoredValue() {}

  static byte[] encode(Instant eventTimestamp, List<byte[]> fields, List<byte[]> values) {
    byte[] timestamp = Timestamps.encode(eventTimestamp);
    int size = 4 + timestamp.length + 4;
    for (byte[] value : values) {
      size += 4 + 4 + value.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(timestamp.length).put(timestamp).putInt(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.put(fields.get(i)).putInt(values.get(i).length).put(values.get(i));
    }
    return out.array();
  }

  static Instant eventTimestamp(byte[] stored) {
    ByteBuffer in = ByteBuffer.wrap(stored);
    byte[] timestamp = new byte[in.getInt()];
    in.get(timestamp);
    return Timestamps.decode(timestamp);
  }

  /** The {@code Value} message of each of {@code wanted} (field hashes), null when absent. */
  static byte[][] values(byte[] stored, byte[][] wanted) {
    ByteBuffer in = ByteBuffer.wrap(stored);
    in.position(4 + in.getInt(0));
    int count = in.getInt();
    byte[][] found = new byte[wanted.length][];
    byte[] field = new byte[4];
    for (int i = 0; i < count; i++) {
      in.get(field);
      byte[] value = new byte[in.getInt()];
      in.get(value);
      for (int w = 0; w < wanted.length; w++) {
        if (Arrays.equals(field, wanted[w])) {
          found[w] = value;
        }
      }
    }
    return found;
  }
}
