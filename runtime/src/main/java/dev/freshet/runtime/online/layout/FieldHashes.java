package dev.freshet.runtime.online.layout;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The hash field of a feature in Feast's Redis hashes: murmur3 x86 32-bit (seed 0) of {@code
 * "view:feature"}, as 4 little-endian bytes.
 */
public final class FieldHashes {
  private FieldHashes() {}

  public static byte[] field(String view, String feature) {
    byte[] text = (view + ":" + feature).getBytes(StandardCharsets.UTF_8);
    int hash = MurmurHash3.hash32x86(text, 0, text.length, 0);
    return new byte[] {
      (byte) hash, (byte) (hash >>> 8), (byte) (hash >>> 16), (byte) (hash >>> 24)
    };
  }

  /** The timestamp field of a view, {@code "_ts:view"}. */
  public static byte[] timestampField(String view) {
    return ("_ts:" + view).getBytes(StandardCharsets.UTF_8);
  }
}
