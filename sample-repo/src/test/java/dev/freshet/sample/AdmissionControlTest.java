package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request gate over a raw socket, as a client sees it on the wire: while another request holds
 * part of the decoding budget, a body bigger than what is left is answered 503 at once, before the
 * server reads it; the client can go on sending it and still read the answer (no reset), and the
 * connection closes once the body has come; a client that waits for 100 Continue gets the 503
 * instead and the connection closes at once; the budget is given back, so a request that fits is
 * served next.
 */
class AdmissionControlTest {
  private static final int BUDGET = 1_000;
  private static final int BIG = 200_000;

  @TempDir Path root;
  private FeatureServer server;

  @BeforeEach
  void serveWithASmallBudget() throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    server =
        FeatureServer.start(
            Map.of(
                "freshet.repo-path",
                repo.toString(),
                "micronaut.server.port",
                -1,
                "freshet.serving.max-decoding-bytes",
                BUDGET),
            new PrintWriter(new StringWriter()),
            MaterializationProgress.SILENT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * A connection whose push is still coming: it holds {@code length} bytes of the budget until it
   * closes. (The budget always takes a request when nothing else holds any.)
   */
  private Socket holdingPartOfTheBudget(int length) throws IOException {
    Socket socket = connect();
    socket.getOutputStream().write((head(length) + "{").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    // Its head must reach the gate before the next connection's does; nothing on the wire says so.
    StreamIngestionTest.sleep(500);
    return socket;
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.url().getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String head(int length, String... extra) {
    StringBuilder head =
        new StringBuilder("POST /push HTTP/1.1\r\nHost: localhost\r\n")
            .append("Content-Type: application/json\r\nContent-Length: ")
            .append(length)
            .append("\r\n");
    for (String header : extra) {
      head.append(header).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  /** One HTTP/1.1 response: its head and its Content-Length body. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed before a response: " + head);
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    int length =
        text.lines()
            .filter(l -> l.toLowerCase().startsWith("content-length:"))
            .mapToInt(l -> Integer.parseInt(l.substring(15).trim()))
            .findFirst()
            .orElse(0);
    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** How long until the server closes the connection, reading and dropping what comes. */
  private static Duration untilClosed(InputStream in) throws IOException {
    long started = System.nanoTime();
    while (in.read() >= 0) {
      // nothing more should come
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Test
  void aBodyOverTheBudgetIsAnswered503WhileItIsStillBeingSentAndTheClientReadsTheAnswer()
      throws Exception {
    try (Socket holder = holdingPartOfTheBudget(800);
        Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head(BIG).getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[10_000];
      Arrays.fill(chunk, (byte) ' ');
      out.write(chunk);
      out.flush();

      String response = readResponse(socket.getInputStream());
      assertThat(response)
          .startsWith("HTTP/1.1 503")
          .contains("retry-after: 1")
          .contains("\"error\":\"ServerBusy\"")
          .contains("freshet.serving.max-decoding-bytes, " + BUDGET);
      assertThat(holder.isClosed()).isFalse();

      // The rest of the body goes through without a reset; then the server closes.
      for (int sent = chunk.length; sent < BIG; sent += chunk.length) {
        out.write(chunk);
      }
      out.flush();
      assertThat(untilClosed(socket.getInputStream())).isLessThan(Duration.ofSeconds(3));
    }
    assertThat(statusOnceTheHolderIsGone()).isEqualTo(200);
  }

  /**
   * A push that fits, sent until the server has seen the holder's connection close and given its
   * share of the budget back; the close reaches the server after the client's {@code close()}
   * returns, so the first try may still meet a 503.
   */
  private int statusOnceTheHolderIsGone() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int status;
    do {
      status = Http.post(server.url(), "/push", onePush()).status();
      if (status != 503) {
        return status;
      }
      StreamIngestionTest.sleep(50);
    } while (System.nanoTime() < deadline);
    return status;
  }

  @Test
  void aClientThatWaitsFor100ContinueGetsThe503AndTheConnectionClosesAtOnce() throws Exception {
    try (Socket holder = holdingPartOfTheBudget(800);
        Socket socket = connect()) {
      socket
          .getOutputStream()
          .write(head(BIG, "Expect: 100-continue").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      assertThat(readResponse(socket.getInputStream()))
          .startsWith("HTTP/1.1 503")
          .contains("\"error\":\"ServerBusy\"");
      assertThat(holder.isClosed()).isFalse();
      assertThat(untilClosed(socket.getInputStream())).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aBodyInAnEncodingTheServerCannotDecodeIs415() throws Exception {
    String body = onePush();
    try (Socket socket = connect()) {
      socket
          .getOutputStream()
          .write(
              (head(body.length(), "Content-Encoding: br") + body)
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      assertThat(readResponse(socket.getInputStream()))
          .startsWith("HTTP/1.1 415")
          .contains("\"error\":\"UnsupportedContentEncoding\"")
          .contains("Content-Encoding br is not one the server decodes");
      assertThat(untilClosed(socket.getInputStream())).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aCompressedBodyCountsAsTheLargestAllowedSinceWhatItDecodesToIsKnownOnlyOnceDecoded()
      throws Exception {
    byte[] gzipped = gzip(onePush());
    // small enough on the wire to fit beside the holder's 800, were it counted as sent
    assertThat(gzipped.length).isLessThan(BUDGET - 800);
    try (Socket holder = holdingPartOfTheBudget(800)) {
      HttpResponse<String> refused = postGzipped(gzipped);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("\"error\":\"ServerBusy\"");
      assertThat(holder.isClosed()).isFalse();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    HttpResponse<String> taken;
    do {
      taken = postGzipped(gzipped);
    } while (taken.statusCode() == 503 && System.nanoTime() < deadline);
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
  }

  private HttpResponse<String> postGzipped(byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.url() + "/push"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static String onePush() {
    return "{\"push_source_name\": \"driver_stats_push_source\", \"to\": \"online\", \"df\": {"
        + "\"driver_id\": [1001], \"daily_miles_driven\": [1.5],"
        + " \"event_timestamp\": [\"2030-01-01 00:00:00\"], \"created\": [\"2030-01-01 00:00:00\"]}}";
  }
}
