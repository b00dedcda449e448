package dev.freshet.runtime.online.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The Lua script that makes newest-wins atomic on the server, and its SHA-1 for EVALSHA. */
final class NewestWinsScript {
  static final byte[] SOURCE = load();
  static final byte[] SHA = sha1Hex(SOURCE);

  private NewestWinsScript() {}

  private static byte[] load() {
    try (InputStream in = NewestWinsScript.class.getResourceAsStream("newest-wins.lua")) {
      if (in == null) {
        throw new IllegalStateException("newest-wins.lua is missing from the runtime jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Redis names scripts by the lower-case hex SHA-1 of their source. */
  private static byte[] sha1Hex(byte[] source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source);
      return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }
}
