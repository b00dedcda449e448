package dev.freshet.runtime.streaming;

import dev.freshet.runtime.streaming.WindowPlan.Aggregate;
import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.ValueType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entity's events for one stream view, as partial aggregates per bucket (see {@link
 * WindowPlan}), and the time of its newest event. Stored as bytes in the view's state store.
 */
final class WindowState {
  private static final byte VERSION = 1;

  /** The partial aggregate of one feature over one bucket's events. */
  static final class Partial {
    long count;
    double value;
    long lastMicros = Long.MIN_VALUE;
    Object last;
  }

  private long newestMicros = Long.MIN_VALUE;
  private final TreeMap<Long, Partial[]> buckets = new TreeMap<>();

  long newestMicros() {
    return newestMicros;
  }

  /** How many buckets are kept. */
  int bucketCount() {
    return buckets.size();
  }

  /**
   * Whether an event at {@code micros} falls in a bucket this state holds (or would hold, were it
   * the newest): older ones can no longer change the trailing window.
   */
  boolean holds(WindowPlan plan, long micros) {
    return Math.floorDiv(micros, plan.bucketMicros())
        >= plan.oldestBucketNeeded(Math.max(newestMicros, micros));
  }

  /** Adds an event at {@code micros}, then drops the buckets no window will read again. */
  void add(WindowPlan plan, long micros, Object[] fields) {
    long bucket = Math.floorDiv(micros, plan.bucketMicros());
    Partial[] partials = buckets.computeIfAbsent(bucket, b -> newPartials(plan));
    for (int i = 0; i < plan.aggregates().size(); i++) {
      Aggregate aggregate = plan.aggregates().get(i);
      Partial partial = partials[i];
      Object field = fields[aggregate.field()];
      if (field == null
          && aggregate.function() != dev.freshet.annotations.AggregationFunction.COUNT) {
        continue; // a null value does not take part, as in SQL
      }
      switch (aggregate.function()) {
        case SUM, MEAN -> partial.value += ((Number) field).doubleValue();
        case MIN ->
            partial.value =
                partial.count == 0
                    ? ((Number) field).doubleValue()
                    : Math.min(partial.value, ((Number) field).doubleValue());
        case MAX ->
            partial.value =
                partial.count == 0
                    ? ((Number) field).doubleValue()
                    : Math.max(partial.value, ((Number) field).doubleValue());
        case LAST -> {
          if (micros >= partial.lastMicros) {
            partial.lastMicros = micros;
            partial.last = field;
          }
        }
        case COUNT -> {}
      }
      partial.count++;
    }
    newestMicros = Math.max(newestMicros, micros);
    buckets.headMap(plan.oldestBucketNeeded(newestMicros)).clear();
  }

  private static Partial[] newPartials(WindowPlan plan) {
    Partial[] partials = new Partial[plan.aggregates().size()];
    for (int i = 0; i < partials.length; i++) {
      partials[i] = new Partial();
    }
    return partials;
  }

  /** The served values, by aggregate, and the row's event time: see {@link WindowPlan}. */
  record Served(Object[] values, long eventMicros) {}

  Served served(WindowPlan plan) {
    Object[] values = new Object[plan.aggregates().size()];
    long eventMicros = Long.MIN_VALUE;
    for (int i = 0; i < values.length; i++) {
      Aggregate aggregate = plan.aggregates().get(i);
      long end = WindowPlan.windowEnd(newestMicros, aggregate.slideMicros());
      eventMicros = Math.max(eventMicros, end);
      long first = Math.floorDiv(end - aggregate.windowMicros(), plan.bucketMicros());
      long last = Math.floorDiv(end, plan.bucketMicros()); // exclusive
      long count = 0;
      double value = 0;
      long lastMicros = Long.MIN_VALUE;
      Object lastValue = null;
      for (Partial[] partials : buckets.subMap(first, true, last, false).values()) {
        Partial partial = partials[i];
        if (partial.count == 0) {
          continue;
        }
        switch (aggregate.function()) {
          case SUM, MEAN -> value += partial.value;
          case MIN -> value = count == 0 ? partial.value : Math.min(value, partial.value);
          case MAX -> value = count == 0 ? partial.value : Math.max(value, partial.value);
          case LAST -> {
            if (partial.lastMicros >= lastMicros) {
              lastMicros = partial.lastMicros;
              lastValue = partial.last;
            }
          }
          case COUNT -> {}
        }
        count += partial.count;
      }
      values[i] = result(aggregate, count, value, lastValue);
    }
    return new Served(values, eventMicros);
  }

  private static Object result(Aggregate aggregate, long count, double value, Object last) {
    return switch (aggregate.function()) {
      case COUNT ->
          aggregate.resultType() == ValueType.INT32 ? (Object) (int) count : (Object) count;
      case LAST -> last;
      case MEAN -> count == 0 ? null : typed(value / count, aggregate.resultType());
      case SUM -> typed(value, aggregate.resultType());
      case MIN, MAX -> count == 0 ? null : typed(value, aggregate.resultType());
    };
  }

  private static Object typed(double value, ValueType type) {
    return switch (type) {
      case FLOAT -> (float) value;
      case INT64 -> Math.round(value);
      case INT32 -> (int) Math.round(value);
      default -> value;
    };
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + buckets.size() * 40);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(newestMicros);
      out.writeInt(buckets.size());
      for (Map.Entry<Long, Partial[]> bucket : buckets.entrySet()) {
        out.writeLong(bucket.getKey());
        out.writeShort(bucket.getValue().length);
        for (Partial partial : bucket.getValue()) {
          out.writeLong(partial.count);
          out.writeDouble(partial.value);
          out.writeLong(partial.lastMicros);
          writeValue(out, partial.last);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static WindowState fromBytes(byte[] stored) {
    WindowState state = new WindowState();
    if (stored == null) {
      return state;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      if (in.readByte() != VERSION) {
        throw new IllegalStateException(
            "window state of an unknown version; clear the state directory and the changelog topics");
      }
      state.newestMicros = in.readLong();
      int buckets = in.readInt();
      for (int b = 0; b < buckets; b++) {
        long index = in.readLong();
        Partial[] partials = new Partial[in.readShort()];
        for (int i = 0; i < partials.length; i++) {
          Partial partial = new Partial();
          partial.count = in.readLong();
          partial.value = in.readDouble();
          partial.lastMicros = in.readLong();
          partial.last = readValue(in);
          partials[i] = partial;
        }
        state.buckets.put(index, partials);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return state;
  }

  /**
   * The value LAST keeps: null, a number, a boolean, text, a time or bytes (what message fields
   * hold).
   */
  private static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(0);
    } else if (value instanceof Long l) {
      out.writeByte(1);
      out.writeLong(l);
    } else if (value instanceof Integer i) {
      out.writeByte(2);
      out.writeInt(i);
    } else if (value instanceof Double d) {
      out.writeByte(3);
      out.writeDouble(d);
    } else if (value instanceof Float f) {
      out.writeByte(4);
      out.writeFloat(f);
    } else if (value instanceof Boolean b) {
      out.writeByte(5);
      out.writeBoolean(b);
    } else if (value instanceof java.time.Instant instant) {
      out.writeByte(7);
      out.writeLong(EpochMicros.of(instant));
    } else if (value instanceof byte[] raw) {
      out.writeByte(8);
      out.writeInt(raw.length);
      out.write(raw);
    } else {
      byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
      out.writeByte(6);
      out.writeInt(text.length);
      out.write(text);
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    return switch (in.readByte()) {
      case 0 -> null;
      case 1 -> in.readLong();
      case 2 -> in.readInt();
      case 3 -> in.readDouble();
      case 4 -> in.readFloat();
      case 5 -> in.readBoolean();
      case 7 -> EpochMicros.toInstant(in.readLong());
      case 8 -> {
        byte[] raw = new byte[in.readInt()];
        in.readFully(raw);
        yield raw;
      }
      default -> {
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        yield new String(text, StandardCharsets.UTF_8);
      }
    };
  }
}
