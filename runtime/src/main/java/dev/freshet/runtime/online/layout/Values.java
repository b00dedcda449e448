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
    int field = type.protoField();
    try {
      // Sized exactly: a Value per feature per row is written, so no buffer is wasted on them.
      return switch (type) {
        case BYTES ->
            write(
                CodedOutputStream.computeByteArraySize(field, (byte[]) value),
                out -> out.writeByteArray(field, (byte[]) value));
        case STRING ->
            write(
                CodedOutputStream.computeStringSize(field, (String) value),
                out -> out.writeString(field, (String) value));
        case INT32 -> {
          int v = ((Number) value).intValue();
          yield write(
              CodedOutputStream.computeInt32Size(field, v), out -> out.writeInt32(field, v));
        }
        case INT64 -> {
          long v = ((Number) value).longValue();
          yield write(
              CodedOutputStream.computeInt64Size(field, v), out -> out.writeInt64(field, v));
        }
        case DOUBLE -> {
          double v = ((Number) value).doubleValue();
          yield write(
              CodedOutputStream.computeDoubleSize(field, v), out -> out.writeDouble(field, v));
        }
        case FLOAT -> {
          float v = ((Number) value).floatValue();
          yield write(
              CodedOutputStream.computeFloatSize(field, v), out -> out.writeFloat(field, v));
        }
        case BOOL -> {
          boolean v = (Boolean) value;
          yield write(CodedOutputStream.computeBoolSize(field, v), out -> out.writeBool(field, v));
        }
        case UNIX_TIMESTAMP -> {
          long v = ((Instant) value).getEpochSecond();
          yield write(
              CodedOutputStream.computeInt64Size(field, v), out -> out.writeInt64(field, v));
        }
        default -> {
          byte[] list = encodeList((List<?>) value, type.elementType());
          yield write(
              CodedOutputStream.computeByteArraySize(field, list),
              out -> out.writeByteArray(field, list));
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  interface Writing {
    void to(CodedOutputStream out) throws IOException;
  }

  /** A message of exactly {@code size} bytes, written by {@code writing}. */
  static byte[] write(int size, Writing writing) throws IOException {
    byte[] message = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(message);
    writing.to(out);
    out.checkNoSpaceLeft();
    return message;
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

  /**
   * Whether {@code message} can be passed on as a value of {@code type} in Feast's encoding as it
   * is: exactly one member of the {@code Value} oneof, {@code type}'s field with its wire type and
   * nothing after it, so that it reads as {@link #encode} would have written it. Not for strings
   * with other than ASCII bytes nor for lists of strings, whose UTF-8 a reader of the message
   * checks and which are passed on only as {@link #decode} reads them (re-encoded); nor for the
   * empty message (null).
   */
  public static boolean passesAs(byte[] message, ValueType type) {
    if (message == null || message.length == 0 || type == ValueType.STRING_LIST) {
      return false;
    }
    int wire =
        switch (type) {
          case INT32, INT64, BOOL, UNIX_TIMESTAMP -> 0;
          case DOUBLE -> 1;
          case FLOAT -> 5;
          default -> 2;
        };
    int expectedTag = type.protoField() << 3 | wire;
    int position;
    if (expectedTag < 0x80) {
      if (message[0] != expectedTag) {
        return false;
      }
      position = 1;
    } else {
      // Fields 16 to 18 (lists): two-byte tags.
      if (message.length < 2
          || (message[0] & 0xff) != ((expectedTag & 0x7f) | 0x80)
          || message[1] != (expectedTag >>> 7)) {
        return false;
      }
      position = 2;
    }
    return switch (wire) {
      case 0 -> varintEnd(message, position) == message.length;
      case 1 -> message.length - position == 8;
      case 5 -> message.length - position == 4;
      default -> {
        int end = varintEnd(message, position);
        if (end < 0 || end - position > 5) {
          yield false;
        }
        long length = 0;
        for (int i = end - 1; i >= position; i--) {
          length = (length << 7) | (message[i] & 0x7f);
        }
        yield end + length == message.length && (type != ValueType.STRING || ascii(message, end));
      }
    };
  }

  /** Where the varint at {@code position} ends, -1 if it runs past the message or 10 bytes. */
  private static int varintEnd(byte[] message, int position) {
    for (int i = position; i < message.length && i < position + 10; i++) {
      if (message[i] >= 0) {
        return i + 1;
      }
    }
    return -1;
  }

  private static boolean ascii(byte[] message, int from) {
    for (int i = from; i < message.length; i++) {
      if (message[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The value a message holds, typed by its own oneof field; null for the empty message. */
  public static Object decode(byte[] message) {
    if (message == null || message.length == 0) {
      return null;
    }
    // The common scalar cases without a stream: float_val is tag 0x35 and 4 bytes, double_val
    // tag 0x29 and 8 bytes, both little-endian.
    if (message.length == 5 && message[0] == 0x35) {
      return Float.intBitsToFloat((int) littleEndianLong(message, 4));
    }
    if (message.length == 9 && message[0] == 0x29) {
      return Double.longBitsToDouble(littleEndianLong(message, 8));
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

  /** The {@code bytes}-byte little-endian integer after the tag byte. */
  private static long littleEndianLong(byte[] message, int bytes) {
    long value = 0;
    for (int i = bytes; i >= 1; i--) {
      value = (value << 8) | (message[i] & 0xff);
    }
    return value;
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
