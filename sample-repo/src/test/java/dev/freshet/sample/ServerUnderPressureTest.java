package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.testing.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in a JVM of its own, pushed past what it can hold: 200 concurrent pushes of the most
 * rows a push may have under a 256 MB heap, and 1,500 idle connections against a connection limit
 * of 1,000 (set, so that the test does not depend on the machine's file-descriptor limit). Every
 * push is answered (200, or 503 at once while the server decodes all it takes), /health answers
 * throughout, a refused push writes nothing, exactly the idle connections past the limit are
 * closed, and a new client is served.
 */
class ServerUnderPressureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 10_000;

  /**
   * How soon a push is refused with a 503 when the server decodes all it can, and how soon every
   * push is answered at all: measured at about 1 s and 11 s on 2 cores, with room for a busier
   * machine.
   */
  private static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);

  private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(30);

  @TempDir Path root;
  private Process server;
  private URL url;

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
      // A stop while requests are in flight must not crash the JVM (RocksDB closed under a write).
      try (var files = Files.list(root)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .noneMatch(name -> name.startsWith("hs_err"));
      }
    }
  }

  private void startServer(String... jvmOptions) throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    int port = FreePorts.next();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-Dfreshet.repo-path=" + repo,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.freshet.runtime.cli.FreshetMain",
            "serve",
            "--port",
            Integer.toString(port)));
    Path log = root.resolve("server.log");
    server =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    url = new URL("http://127.0.0.1:" + port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!Files.readString(log).contains("Serving on")) {
      if (!server.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("the server did not start: " + Files.readString(log));
      }
      StreamIngestionTest.sleep(200);
    }
  }

  /** A push of {@link #ROWS} new drivers from {@code first}, each with {@code miles} miles. */
  private static String push(long first, double miles) {
    StringBuilder ids = new StringBuilder();
    StringBuilder values = new StringBuilder();
    StringBuilder times = new StringBuilder();
    for (int i = 0; i < ROWS; i++) {
      String comma = i == 0 ? "" : ",";
      ids.append(comma).append(first + i);
      values.append(comma).append(miles);
      times.append(comma).append("\"2030-01-01 00:00:00\"");
    }
    return "{\"push_source_name\": \"driver_stats_push_source\", \"to\": \"online\", \"df\": {\"driver_id\": ["
        + ids
        + "], \"daily_miles_driven\": ["
        + values
        + "], \"event_timestamp\": ["
        + times
        + "], \"created\": ["
        + times
        + "]}}";
  }

  @Test
  void twoHundredConcurrentMaximumPushesUnderA256MegabyteHeapAreEachAnsweredAndNoneHalfWritten()
      throws Exception {
    startServer("-Xmx256m");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicBoolean storming = new AtomicBoolean(true);
    AtomicInteger healthFailures = new AtomicInteger();
    AtomicInteger healthChecks = new AtomicInteger();
    List<String> failedChecks = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread health =
        new Thread(
            () -> {
              while (storming.get()) {
                long started = System.nanoTime();
                Http.Response answer = Http.get(url, "/health");
                healthChecks.incrementAndGet();
                long took = System.nanoTime() - started;
                if (answer.status() != 200 || took > TimeUnit.SECONDS.toNanos(10)) {
                  healthFailures.incrementAndGet();
                  failedChecks.add(answer.status() + " after " + took / 1_000_000 + " ms");
                }
                StreamIngestionTest.sleep(200);
              }
            });
    health.start();
    List<String> bodies = new ArrayList<>();
    for (int p = 0; p < 200; p++) {
      bodies.add(push(1_000_000L + p * (long) ROWS, p));
    }
    List<CompletableFuture<HttpResponse<String>>> pushes = new ArrayList<>();
    long[] tookMillis = new long[200];
    for (int p = 0; p < 200; p++) {
      int index = p;
      long sent = System.nanoTime();
      pushes.add(
          client
              .sendAsync(
                  HttpRequest.newBuilder(URI.create(url + "/push"))
                      .timeout(Duration.ofSeconds(120))
                      .POST(HttpRequest.BodyPublishers.ofString(bodies.get(p)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (answer, failure) -> tookMillis[index] = (System.nanoTime() - sent) / 1_000_000));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> answer : pushes) {
      HttpResponse<String> response = answer.get(180, TimeUnit.SECONDS);
      statuses.add(response.statusCode());
      if (response.statusCode() == 503) {
        assertThat(response.body()).contains("\"error\":\"ServerBusy\"");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      }
    }
    storming.set(false);
    health.join();
    long slowest200 = slowest(statuses, tookMillis, 200);
    long slowest503 = slowest(statuses, tookMillis, 503);
    System.out.printf(
        "200 pushes of %,d rows: %d answered 200 (slowest after %d ms), %d answered 503 (slowest"
            + " after %d ms); %d health checks%n",
        ROWS,
        statuses.stream().filter(s -> s == 200).count(),
        slowest200,
        statuses.stream().filter(s -> s == 503).count(),
        slowest503,
        healthChecks.get());

    assertThat(statuses).allMatch(status -> status == 200 || status == 503);
    assertThat(slowest200).as("the slowest 200, in ms").isLessThan(ANSWERED_WITHIN.toMillis());
    assertThat(slowest503).as("the slowest 503, in ms").isLessThan(REFUSED_WITHIN.toMillis());
    assertThat(statuses).contains(200);
    assertThat(server.isAlive()).isTrue();
    assertThat(healthFailures.get())
        .as("of %d health checks: %s", healthChecks.get(), failedChecks)
        .isZero();
    for (int p = 0; p < 200; p++) {
      long first = 1_000_000L + p * (long) ROWS;
      JsonNode miles = served(client, first, first + ROWS - 1);
      String expected = statuses.get(p) == 200 ? "PRESENT" : "NOT_FOUND";
      assertThat(miles.get("statuses").get(0).asText())
          .as("push %d (%d)", p, statuses.get(p))
          .isEqualTo(expected);
      assertThat(miles.get("statuses").get(1).asText())
          .as("push %d (%d)", p, statuses.get(p))
          .isEqualTo(expected);
    }
  }

  /** The longest time, in ms, until an answer of {@code status} came; 0 when none did. */
  private static long slowest(List<Integer> statuses, long[] tookMillis, int status) {
    long slowest = 0;
    for (int p = 0; p < statuses.size(); p++) {
      if (statuses.get(p) == status) {
        slowest = Math.max(slowest, tookMillis[p]);
      }
    }
    return slowest;
  }

  private JsonNode served(HttpClient client, long... drivers) throws Exception {
    StringBuilder ids = new StringBuilder();
    for (long driver : drivers) {
      ids.append(ids.length() == 0 ? "" : ",").append(driver);
    }
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url + "/get-online-features"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": ["
                            + ids
                            + "]}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("results").get(1);
  }

  /**
   * The connection limit the idle-connection test sets: {@code freshet.serving.max-connections}.
   */
  private static final int MAX_CONNECTIONS = 1_000;

  /** How many idle connections past the limit it opens. */
  private static final int PAST_THE_LIMIT = 500;

  /** The soft limit on open files of the process {@code pid}, from /proc/PID/limits. */
  private static long openFilesLimit(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
      }
    }
    throw new IllegalStateException("/proc/" + pid + "/limits names no limit on open files");
  }

  /**
   * What ConnectionLimit's contract (and docs/operations.md) make of {@code opened} idle
   * connections under a limit of {@code max}: each time one more than {@code max} is open, the
   * idlest hundredth of {@code max} (at least one) is closed at once. Worked out by replaying the
   * connections one by one.
   */
  private static int closedByTheLimit(int opened, int max) {
    int room = Math.max(1, max / 100);
    int open = 0;
    int closed = 0;
    for (int i = 0; i < opened; i++) {
      open++;
      if (open > max) {
        open -= room;
        closed += room;
      }
    }
    return closed;
  }

  @Test
  void moreIdleConnectionsThanTheLimitLeaveRoomForANewClient() throws Exception {
    // The idle timeout is out of the way, so that only the limit closes connections.
    startServer(
        "-Xmx512m",
        "-Dfreshet.serving.max-connections=" + MAX_CONNECTIONS,
        "-Dmicronaut.server.idle-timeout=10m");
    // The limit must be below what the server and the holder may open, with the thousand to spare
    // that the runtime's own default leaves for everything else.
    long files =
        Math.min(openFilesLimit(server.pid()), openFilesLimit(ProcessHandle.current().pid()));
    assertThat(files).isGreaterThan(MAX_CONNECTIONS + PAST_THE_LIMIT + 1_024L);
    Path holder = root.resolve("Holder.java");
    Files.writeString(
        holder,
        """
        import java.io.BufferedReader;
        import java.io.InputStreamReader;
        import java.net.Socket;
        import java.net.SocketTimeoutException;
        import java.util.ArrayList;
        import java.util.List;

        /**
         * Opens N connections to host:port and says how many it holds; then, for each line of its
         * input, how many of them the server has closed; ends when its input closes.
         */
        public class Holder {
          public static void main(String[] args) throws Exception {
            List<Socket> open = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
              try {
                Socket socket = new Socket(args[0], Integer.parseInt(args[1]));
                socket.setSoTimeout(1);
                open.add(socket);
              } catch (Exception e) {
                refused++;
              }
            }
            System.out.println("holding " + open.size() + ", refused " + refused);
            System.out.flush();
            int closed = 0;
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            while (in.readLine() != null) {
              for (var it = open.iterator(); it.hasNext(); ) {
                Socket socket = it.next();
                try {
                  if (socket.getInputStream().read() < 0) {
                    closed++;
                    it.remove();
                  }
                } catch (SocketTimeoutException stillOpen) {
                  // nothing to read and not closed
                } catch (Exception reset) {
                  closed++;
                  it.remove();
                }
              }
              System.out.println("closed " + closed);
              System.out.flush();
            }
          }
        }
        """);
    int opened = MAX_CONNECTIONS + PAST_THE_LIMIT;
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                holder.toString(),
                "127.0.0.1",
                Integer.toString(url.getPort()),
                Integer.toString(opened))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader answers =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      java.io.PrintStream ask =
          new java.io.PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
      assertThat(answers.readLine()).isEqualTo("holding " + opened + ", refused 0");
      // 1,500 idle connections under a limit of 1,000: 500 closed, in 50 tens.
      int idleClosed = closedByTheLimit(opened, MAX_CONNECTIONS);
      assertThat(idleClosed).isEqualTo(500);
      assertThat(closedBy(ask, answers, idleClosed)).isEqualTo(idleClosed);

      Http.Response read =
          Http.post(
              url,
              "/get-online-features",
              "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}");
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.body()).contains("0.4045884609222412");
      // The new client's connection was one past the limit again: ten more idle ones closed.
      int withTheClient = closedByTheLimit(opened - idleClosed + 1, MAX_CONNECTIONS);
      assertThat(withTheClient).isEqualTo(10);
      assertThat(closedBy(ask, answers, idleClosed + withTheClient))
          .isEqualTo(idleClosed + withTheClient);
      assertThat(Http.get(url, "/health").status()).isEqualTo(200);
      assertThat(server.isAlive()).isTrue();
    } finally {
      try {
        process.getOutputStream().close();
      } catch (IOException closed) {
        // it ended already
      }
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * How many of the holder's connections the server has closed, asked until it is {@code expected}
   * or ten seconds have passed (closes are asynchronous), then once more half a second later: a
   * count that goes on growing past {@code expected} is not hidden.
   */
  private static int closedBy(java.io.PrintStream ask, BufferedReader answers, int expected)
      throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    int closed;
    do {
      ask.println();
      closed = Integer.parseInt(answers.readLine().substring("closed ".length()));
      if (closed >= expected) {
        break;
      }
      StreamIngestionTest.sleep(100);
    } while (Instant.now().isBefore(deadline));
    StreamIngestionTest.sleep(500);
    ask.println();
    return Integer.parseInt(answers.readLine().substring("closed ".length()));
  }
}
