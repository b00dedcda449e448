package dev.freshet.runtime.streaming;

import dev.freshet.spec.ValueType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A stream view without aggregations: each message is a row of the target view, at the message's
 * event time, its features copied from the message fields of the same names. Newest wins, so a late
 * or replayed message never overwrites a newer row.
 */
final class CopyingProcessor extends ViewProcessor {
  private final EntityKeyReader keys;

  /**
   * Per target feature, the message field it is copied from, or -1 when the stream does not give
   * it.
   */
  private final int[] fields;

  private final ValueType[] types;

  CopyingProcessor(
      MessageReader reader,
      OnlineWriteBuffer buffer,
      Duration interval,
      EntityKeyReader keys,
      int[] fields,
      ValueType[] types) {
    super(reader, buffer, interval);
    this.keys = keys;
    this.fields = fields;
    this.types = types;
  }

  @Override
  String apply(StreamEvent event, Record<byte[], Object> record) {
    Object[] row = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      row[i] = fields[i] < 0 ? null : as(event.values()[fields[i]], types[i]);
    }
    List<Object> values = Arrays.asList(row);
    buffer.put(keys.values(event), event.eventTime(), values, record.timestamp());
    return null;
  }

  /** A message number as the feature's type: a double field feeding a float feature, say. */
  private static Object as(Object value, ValueType type) {
    if (!(value instanceof Number number)) {
      return value;
    }
    return switch (type) {
      case FLOAT -> number.floatValue();
      case DOUBLE -> number.doubleValue();
      case INT64 -> number.longValue();
      case INT32 -> number.intValue();
      default -> value;
    };
  }
}
