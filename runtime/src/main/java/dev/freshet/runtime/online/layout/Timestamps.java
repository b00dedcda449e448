package dev.freshet.runtime.online.layout;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A {@code google.protobuf.Timestamp} message: seconds (field 1) and nanos (field 2, omitted at 0).
 */
public final class Timestamps {
  private Timestamps() {}

  public static byte[] encode(Instant instant) {
    long seconds = instant.getEpochSecond();
    int nanos = instant.getNano();
    int size =
        (seconds == 0 ? 0 : CodedOutputStream.computeInt64Size(1, seconds))
            + (nanos == 0 ? 0 : CodedOutputStream.computeInt32Size(2, nanos));
    try {
      return Values.write(
          size,
          out -> {
            if (seconds != 0) {
              out.writeInt64(1, seconds);
            }
            if (nanos != 0) {
              out.writeInt32(2, nanos);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Instant decode(byte[] message) {
    // A timestamp of whole seconds (the usual event time) is its seconds field alone: read
    // without a stream, as a 100-entity read decodes 500 of them. Anything else takes the stream.
    if (message.length > 0 && message[0] == SECONDS_TAG) {
      long seconds = 0;
      int at = 1;
      for (int shift = 0; at < message.length && shift < 64; shift += 7) {
        byte b = message[at++];
        seconds |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          if (at == message.length) {
            return Instant.ofEpochSecond(seconds);
          }
          break;
        }
      }
    }
    return decodeAnyFields(message);
  }

  private static final byte SECONDS_TAG = 1 << 3; // field 1, varint

  private static Instant decodeAnyFields(byte[] message) {
    CodedInputStream in = CodedInputStream.newInstance(message);
    long seconds = 0;
    int nanos = 0;
    try {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag >>> 3) {
          case 1 -> seconds = in.readInt64();
          case 2 -> nanos = in.readInt32();
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a protobuf Timestamp", e);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
