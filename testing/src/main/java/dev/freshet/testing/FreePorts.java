package dev.freshet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports nothing listens on, for the servers the tests, benchmarks and the demo start. */
public final class FreePorts {
  private FreePorts() {}

  /** A port free now; the caller binds it soon, before another process might. */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port: " + e.getMessage(), e);
    }
  }
}
