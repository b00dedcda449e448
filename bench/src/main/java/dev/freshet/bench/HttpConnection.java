package dev.freshet.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection that sends prepared POSTs and reads whole responses, for the
 * load generator. A general client (the JDK's) costs more CPU per request than the server under
 * test spends answering it; on a 2-core machine that cost would be measured as the server's.
 */
final class HttpConnection implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  HttpConnection(URI server) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(server.getHost(), server.getPort()));
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  /** The bytes of a POST of a JSON body to {@code path}, built once and sent many times. */
  static byte[] post(URI server, String path, byte[] json) {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\n"
            + "Host: "
            + server.getHost()
            + ":"
            + server.getPort()
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + json.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + json.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(json, 0, request, headBytes.length, json.length);
    return request;
  }

  /**
   * Sends a request made by {@link #post} and reads the whole response.
   *
   * @return the response body
   * @throws IllegalStateException when the status is not 200
   */
  byte[] send(byte[] request) throws IOException {
    int length = exchange(request);
    byte[] body = in.readNBytes(length);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IllegalStateException(status + ": " + new String(body, StandardCharsets.UTF_8));
    }
    return body;
  }

  /** Sends a request made by {@link #post}, reads the response and drops its body. */
  void call(byte[] request) throws IOException {
    int length = exchange(request);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IllegalStateException(
          status + ": " + new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
    drain(length);
  }

  /** Where dropped bodies are read into: whole socket reads of up to 64 KiB. */
  private final byte[] scratch = new byte[64 * 1024];

  /**
   * Reads and drops {@code length} bytes. Not {@code skipNBytes}: a socket's stream skips by
   * reading 2 KiB at a time, about 125 system calls for a 100-entity answer, which on 2 cores the
   * server under test would pay for.
   */
  private void drain(int length) throws IOException {
    for (int left = length; left > 0; ) {
      int read = in.read(scratch, 0, Math.min(left, scratch.length));
      if (read < 0) {
        throw new IOException(
            "the server closed the connection " + left + " bytes before the end of the answer");
      }
      left -= read;
    }
  }

  private String status;

  /** Writes the request, reads the status line and headers; returns the body's length. */
  private int exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    status = line();
    int length = -1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    if (length < 0) {
      throw new IOException("the response has no Content-Length: " + status);
    }
    return length;
  }

  private final StringBuilder line = new StringBuilder(128);

  private String line() throws IOException {
    line.setLength(0);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
