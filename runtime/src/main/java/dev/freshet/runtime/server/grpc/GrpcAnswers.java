package dev.freshet.runtime.server.grpc;

import com.google.protobuf.CodedOutputStream;
import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureStatus;
import dev.freshet.feast.proto.serving.FieldStatus;
import dev.freshet.runtime.online.layout.Values;
import dev.freshet.runtime.serving.OnlineAnswer;
import dev.freshet.runtime.serving.ServingIndex;
import dev.freshet.spec.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Feast's {@code GetOnlineFeaturesResponse} written straight into its bytes, without building its
 * messages: {@code metadata.feature_names} (join keys first), one {@code FeatureVector} per column
 * ({@code values}, packed {@code statuses}, {@code event_timestamps}), {@code status} true. A
 * feature's value goes out in the bytes the store holds it in ({@link OnlineAnswer#stored}) where
 * they are a value of the feature's type ({@link Values#passesAs}), else as the one encoder of
 * Feast's bytes writes the value read ({@link Values#encode}), as join keys' values are; null
 * (NOT_FOUND, NULL_VALUE) is the empty message.
 */
final class GrpcAnswers {
  private static final byte[] EMPTY = new byte[0];

  private static final byte[] STATUS_NUMBERS = new byte[FeatureStatus.values().length];

  static {
    for (FeatureStatus status : FeatureStatus.values()) {
      STATUS_NUMBERS[status.ordinal()] = (byte) FieldStatus.valueOf(status.name()).getNumber();
    }
  }

  private GrpcAnswers() {}

  /** A length-delimited field's size after its tag: the length's varint and the bytes. */
  private static int delimited(int length) {
    return CodedOutputStream.computeUInt32SizeNoTag(length) + length;
  }

  /** One {@code FeatureVector}'s parts, each already a message's bytes. */
  private record Column(byte[][] values, byte[] statuses, byte[][] timestamps, int size) {
    static Column of(byte[][] values, byte[] statuses, byte[][] timestamps) {
      int size = 0;
      for (byte[] value : values) {
        size += 1 + delimited(value.length);
      }
      if (statuses.length > 0) {
        size += 1 + delimited(statuses.length);
      }
      for (byte[] timestamp : timestamps) {
        size += 1 + delimited(timestamp.length);
      }
      return new Column(values, statuses, timestamps, size);
    }
  }

  /** {@code answer} as a {@code GetOnlineFeaturesResponse}'s bytes. */
  static byte[] encode(OnlineAnswer answer, Function<String, ValueType> joinKeyTypes) {
    List<String> joinKeys = answer.joinKeys();
    List<String> names = new ArrayList<>(joinKeys.size() + answer.features().size());
    names.addAll(joinKeys);
    for (ServingIndex.Feature feature : answer.features()) {
      names.add(feature.outputName(answer.fullNames()));
    }
    List<Column> columns = new ArrayList<>(names.size());
    for (String key : joinKeys) {
      columns.add(joinKeyColumn(answer.entities().get(key), joinKeyTypes.apply(key)));
    }
    Timestamps timestamps = new Timestamps(answer.columns().isEmpty() ? 0 : rows(answer));
    for (int i = 0; i < answer.columns().size(); i++) {
      columns.add(
          featureColumn(
              answer.columns().get(i),
              answer.stored() == null ? null : answer.stored().get(i),
              answer.features().get(i).type(),
              timestamps));
    }

    int namesSize = 0;
    for (String name : names) {
      namesSize += CodedOutputStream.computeStringSize(1, name);
    }
    int metadataSize = 1 + delimited(namesSize);
    int size = 1 + delimited(metadataSize);
    for (Column column : columns) {
      size += 1 + delimited(column.size());
    }
    size += CodedOutputStream.computeBoolSize(3, true);

    byte[] message = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(message);
    try {
      out.writeTag(1, 2); // metadata
      out.writeUInt32NoTag(metadataSize);
      out.writeTag(1, 2); // metadata.feature_names
      out.writeUInt32NoTag(namesSize);
      for (String name : names) {
        out.writeString(1, name);
      }
      for (Column column : columns) {
        out.writeTag(2, 2); // results
        out.writeUInt32NoTag(column.size());
        for (byte[] value : column.values()) {
          out.writeTag(1, 2);
          out.writeUInt32NoTag(value.length);
          out.writeRawBytes(value);
        }
        if (column.statuses().length > 0) {
          out.writeTag(2, 2); // packed: one byte per status
          out.writeUInt32NoTag(column.statuses().length);
          out.writeRawBytes(column.statuses());
        }
        for (byte[] timestamp : column.timestamps()) {
          out.writeTag(3, 2);
          out.writeUInt32NoTag(timestamp.length);
          out.writeRawBytes(timestamp);
        }
      }
      out.writeBool(3, true);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return message;
  }

  private static int rows(OnlineAnswer answer) {
    return answer.columns().get(0).values().size();
  }

  /** A join key's column: the request's typed values, PRESENT, at the epoch. */
  private static Column joinKeyColumn(List<Object> values, ValueType type) {
    byte[][] encoded = new byte[values.size()][];
    byte[] statuses = new byte[values.size()];
    byte[][] timestamps = new byte[values.size()][];
    for (int row = 0; row < encoded.length; row++) {
      Object value = values.get(row);
      encoded[row] = value == null ? EMPTY : Values.encode(value, type);
      statuses[row] = STATUS_NUMBERS[FeatureStatus.PRESENT.ordinal()];
      timestamps[row] = EMPTY; // the epoch: both fields zero
    }
    return Column.of(encoded, statuses, timestamps);
  }

  private static Column featureColumn(
      FeatureColumn column, byte[][] stored, ValueType type, Timestamps timestamps) {
    int rows = column.values().size();
    byte[][] encoded = new byte[rows][];
    byte[] statuses = new byte[rows];
    byte[][] times = new byte[rows][];
    for (int row = 0; row < rows; row++) {
      Object value = column.values().get(row);
      if (value == null) {
        encoded[row] = EMPTY;
      } else if (stored != null && Values.passesAs(stored[row], type)) {
        encoded[row] = stored[row];
      } else {
        encoded[row] = Values.encode(value, type);
      }
      statuses[row] = STATUS_NUMBERS[column.statuses().get(row).ordinal()];
      times[row] = timestamps.encoded(row, column.eventTimestamps().get(row));
    }
    return Column.of(encoded, statuses, times);
  }

  /**
   * {@code google.protobuf.Timestamp} messages, each instant encoded once: a view's features share
   * their rows' instants (the same objects, so the row's last one is checked first).
   */
  private static final class Timestamps {
    private final Instant[] lastInstant;
    private final byte[][] lastEncoded;
    private final Map<Instant, byte[]> encoded = new HashMap<>();

    Timestamps(int rows) {
      lastInstant = new Instant[rows];
      lastEncoded = new byte[rows][];
    }

    byte[] encoded(int row, Instant instant) {
      if (lastInstant[row] == instant) {
        return lastEncoded[row];
      }
      byte[] bytes = encoded.computeIfAbsent(instant, Timestamps::encode);
      lastInstant[row] = instant;
      lastEncoded[row] = bytes;
      return bytes;
    }

    private static byte[] encode(Instant instant) {
      long seconds = instant.getEpochSecond();
      int nanos = instant.getNano();
      int size =
          (seconds == 0 ? 0 : CodedOutputStream.computeInt64Size(1, seconds))
              + (nanos == 0 ? 0 : CodedOutputStream.computeInt32Size(2, nanos));
      if (size == 0) {
        return EMPTY;
      }
      byte[] message = new byte[size];
      CodedOutputStream out = CodedOutputStream.newInstance(message);
      try {
        if (seconds != 0) {
          out.writeInt64(1, seconds);
        }
        if (nanos != 0) {
          out.writeInt32(2, nanos);
        }
        out.checkNoSpaceLeft();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return message;
    }
  }
}
