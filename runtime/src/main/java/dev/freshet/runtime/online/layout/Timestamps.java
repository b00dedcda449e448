package dev.freshet.runtime.online.layout;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** A {@code google.protobuf.Timestamp} message: seconds (field 1) and nanos (field 2, omitted at 0). */
public final class Timestamps {
  private Timestamps() {}

  public static byte[] encode(Instant instant) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      if (instant.getEpochSecond() != 0) {
        out.writeInt64(1, instant.getEpochSecond());
      }
      if (instant.getNano() != 0) {
        out.writeInt32(2, instant.getNano());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Instant decode(byte[] message) {
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
