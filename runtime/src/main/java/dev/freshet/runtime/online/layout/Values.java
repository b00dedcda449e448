package dev.freshet.runtime.online.layout;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.freshet.spec.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Feast's {@code Value} protobuf message: a oneof whose field number is the value type. A null
 * value is the empty message. Java types: Integer, Long, Float, Double, Boolean, String, byte[],
 * Instant (whole seconds, as Feast keeps them), and Lists of those.
 */
public final class Values {
  private static final byte[] NULL = new byte[0];

  private Values() {}

  public static byte[] encode(Object value, ValueType type) {
    if (value == null) {
      return NULL;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      int field = type.protoField();
      switch (type) {
        case BYTES -> out.writeByteArray(field, (byte[]) value);
        case STRING -> out.writeString(field, (String) value);
        case INT32 -> out.writeInt32(field, ((Number) value).intValue());
        case INT64 -> out.writeInt64(field, ((Number) value).longValue());
        case DOUBLE -> out.writeDouble(field, ((Number) value).doubleValue());
        case FLOAT -> out.writeFloat(field, ((Number) value).floatValue());
        case BOOL -> out.writeBool(field, (Boolean) value);
        case UNIX_TIMESTAMP -> out.writeInt64(field, ((Instant) value).getEpochSecond());
        default -> out.writeByteArray(field, encodeList((List<?>) value, type.elementType()));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The list message ({@code repeated val = 1}; scalars packed, as proto3 writes them). */
  private static byte[] encodeList(List<?> items, ValueType element) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + items.size() * 8);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    if (element == ValueType.BYTES || element == ValueType.STRING) {
      for (Object item : items) {
        if (element == ValueType.BYTES) {
          out.writeByteArray(1, (byte[]) item);
        } else {
          out.writeString(1, (String) item);
        }
      }
    } else if (!items.isEmpty()) {
      ByteArrayOutputStream packedBytes = new ByteArrayOutputStream(items.size() * 8);
      CodedOutputStream packed = CodedOutputStream.newInstance(packedBytes);
      for (Object item : items) {
        switch (element) {
          case INT32 -> packed.writeInt32NoTag(((Number) item).intValue());
          case INT64 -> packed.writeInt64NoTag(((Number) item).longValue());
          case DOUBLE -> packed.writeDoubleNoTag(((Number) item).doubleValue());
          case FLOAT -> packed.writeFloatNoTag(((Number) item).floatValue());
          case BOOL -> packed.writeBoolNoTag((Boolean) item);
          case UNIX_TIMESTAMP -> packed.writeInt64NoTag(((Instant) item).getEpochSecond());
          default -> throw new IllegalArgumentException("no list of " + element);
        }
      }
      packed.flush();
      out.writeByteArray(1, packedBytes.toByteArray());
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** The value a message holds, typed by its own oneof field; null for the empty message. */
  public static Object decode(byte[] message) {
    if (message == null || message.length == 0) {
      return null;
    }
    CodedInputStream in = CodedInputStream.newInstance(message);
    try {
      int tag = in.readTag();
      return switch (tag >>> 3) {
        case 1 -> in.readByteArray();
        case 2 -> in.readString();
        case 3 -> in.readInt32();
        case 4 -> in.readInt64();
        case 5 -> in.readDouble();
        case 6 -> in.readFloat();
        case 7 -> in.readBool();
        case 8 -> Instant.ofEpochSecond(in.readInt64());
        case 11, 12, 13, 14, 15, 16, 17, 18 -> decodeList(in.readBytes(), tag >>> 3);
        default -> null; // null_val (19) and anything newer than this reader
      };
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Feast Value message", e);
    }
  }

  private static List<Object> decodeList(ByteString list, int field) throws IOException {
    List<Object> items = new ArrayList<>();
    CodedInputStream in = list.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      boolean packed = (tag & 7) == 2 && field != 11 && field != 12;
      if (packed) {
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
          items.add(readElement(in, field));
        }
        in.popLimit(limit);
      } else {
        items.add(readElement(in, field));
      }
    }
    return items;
  }

  private static Object readElement(CodedInputStream in, int listField) throws IOException {
    return switch (listField) {
      case 11 -> in.readByteArray();
      case 12 -> in.readString();
      case 13 -> in.readInt32();
      case 14 -> in.readInt64();
      case 15 -> in.readDouble();
      case 16 -> in.readFloat();
      case 17 -> in.readBool();
      default -> Instant.ofEpochSecond(in.readInt64());
    };
  }
}
