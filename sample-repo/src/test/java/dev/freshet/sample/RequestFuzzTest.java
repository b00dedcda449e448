package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bounded fuzzing of every endpoint: seeded mutations of valid bodies (bytes flipped, inserted and
 * cut, numbers made huge, values swapped for the wrong JSON type, objects nested deep, names made
 * long, documents doubled) and hand-picked hostile bodies. Every answer must be a 2xx or a 4xx
 * within seconds; a 5xx or a hang fails the test and prints the body that caused it.
 */
class RequestFuzzTest {
  private static final Map<String, String> VALID =
      Map.of(
          "/get-online-features",
          "{\"features\": [\"driver_hourly_stats:conv_rate\", \"driver_hourly_stats:acc_rate\"],"
              + " \"entities\": {\"driver_id\": [1001, 1002, \"1003\"]}, \"full_feature_names\": false}",
          "/push",
          "{\"push_source_name\": \"driver_stats_push_source\", \"df\": {\"driver_id\": [1001, 1002],"
              + " \"daily_miles_driven\": [12.5, 3], \"event_timestamp\": [\"2023-01-01 10:00:00\","
              + " 1672567200000000000], \"created\": [null, \"2023-01-01T10:00:00Z\"]}, \"to\": \"online\"}",
          "/get-historical-features",
          "{\"feature_service\": \"model_v2\", \"entities\": {\"driver_id\": [1001, 1002],"
              + " \"event_timestamp\": [\"2021-04-12 10:59:42\", \"2021-04-12T08:12:10Z\"], \"label\": [1, 0]}}",
          "/materialize",
          "{\"start_ts\": \"2021-04-01T00:00:00\", \"end_ts\": \"2021-04-02T00:00:00\", \"feature_views\": [\"driver_hourly_stats\"]}",
          "/materialize-incremental",
          "{\"end_ts\": \"2021-04-02T00:00:00\", \"feature_views\": [\"driver_daily_features\"]}");

  /**
   * Mutations per endpoint. A read, a push and a materialize-incremental (which runs after
   * materialize has recorded its interval, so most of its bodies have little left to do) are each
   * answered in a few milliseconds, so each gets 2,000. Historical retrieval and materialize do
   * real work on every mutation that still parses (a DuckDB query over the Parquet file; a
   * materialization also writes the store and records its interval): measured on a 2-core machine
   * at 10 to 20 ms for a historical retrieval and 30 ms for a materialize, 2,000 of each would take
   * over a minute and a half on their own, so they get the most that keeps the class near a minute
   * on a quiet machine. Each count's mutations are the first of its seeded sequence, so a larger
   * count only adds cases; 2,000 of each passed.
   */
  private static final Map<String, Integer> MUTATIONS =
      Map.of(
          "/get-online-features", 2_000,
          "/push", 2_000,
          "/get-historical-features", 1_500,
          "/materialize", 400,
          "/materialize-incremental", 2_000);

  /** How long one request may take before it counts as a hang. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path root;
  private FeatureServer server;

  @BeforeEach
  void startServer() throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", repo.toString());
    properties.put("micronaut.server.port", -1);
    server =
        FeatureServer.start(
            properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void seededMutationsOfValidBodiesNeverGetA5xx() throws Exception {
    List<String> failures = new ArrayList<>();
    // In a fixed order: what a materialization records changes where materialize-incremental
    // starts, so the run is the same on every JVM (Map.of's order is not).
    for (Map.Entry<String, String> endpoint : new java.util.TreeMap<>(VALID).entrySet()) {
      assertThat(
              status(endpoint.getKey(), endpoint.getValue().getBytes(StandardCharsets.UTF_8), null))
          .as("the valid body of " + endpoint.getKey())
          .isEqualTo(200);
      Random random = new Random(endpoint.getKey().hashCode());
      long started = System.nanoTime();
      for (int i = 0; i < MUTATIONS.get(endpoint.getKey()); i++) {
        byte[] body = mutate(endpoint.getValue(), random);
        String answer;
        try {
          int status = status(endpoint.getKey(), body, null);
          answer = status >= 500 || status < 200 ? Integer.toString(status) : null;
        } catch (java.net.http.HttpTimeoutException hang) {
          answer = "no answer within " + ANSWER_WITHIN.toSeconds() + " s";
        } catch (java.io.IOException dropped) {
          answer = "no answer: " + dropped;
        }
        if (answer != null) {
          failures.add(
              endpoint.getKey() + " " + answer + ": " + new String(body, StandardCharsets.UTF_8));
        }
      }
      System.out.printf(
          "%s: %,d mutations in %,d ms%n",
          endpoint.getKey(),
          MUTATIONS.get(endpoint.getKey()),
          (System.nanoTime() - started) / 1_000_000);
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "a number of 1,001 digits | /get-online-features | NUMBER | | 422",
        "nesting 1,001 deep in an ignored field | /get-online-features | NESTED | | 422",
        "a field name of 60,000 characters | /get-online-features | LONG_NAME | | 422",
        "a second document after the first | /get-online-features | TWICE | | 422",
        "garbage after the document | /push | GARBAGE | | 422",
        "a duplicate key | /get-online-features | DUPLICATE | | 422",
        "gzip that is not gzip | /get-online-features | VALID | gzip | 400",
        "gzip that is not gzip, to a push | /push | VALID | gzip | 400",
        "an encoding the server does not know | /push | VALID | br | 415",
        "an offline push of year 300000 | /push | YEAR_300000 | | 422",
        "an event time of year 999999999 | /push | YEAR_999999999 | | 422",
        "Infinity as a FLOAT | /push | INFINITE | | 422",
        "a historical column named as the engine's | /get-historical-features | RESERVED | | 422",
      })
  void hostileBodiesAreA4xx(String name, String path, String kind, String encoding, int status)
      throws Exception {
    assertThat(status(path, hostile(kind, path), encoding)).isEqualTo(status);
  }

  private static byte[] hostile(String kind, String path) {
    String valid = VALID.get(path);
    String body =
        switch (kind) {
          case "NUMBER" -> valid.replace("1001,", "1" + "0".repeat(1_000) + ",");
          case "NESTED" ->
              valid.replace(
                  "{\"features\"",
                  "{\"x\": " + "[".repeat(1_001) + "]".repeat(1_001) + ", \"features\"");
          case "LONG_NAME" ->
              valid.replace("\"full_feature_names\"", "\"" + "n".repeat(60_000) + "\"");
          case "TWICE" -> valid + valid;
          case "GARBAGE" -> valid + " trailing";
          case "DUPLICATE" ->
              valid.replace(
                  "\"full_feature_names\": false",
                  "\"full_feature_names\": false, \"full_feature_names\": true");
          case "YEAR_300000" ->
              valid
                  .replace("\"2023-01-01 10:00:00\"", "\"+300000-01-01T00:00:00Z\"")
                  .replace("\"online\"", "\"offline\"");
          case "YEAR_999999999" ->
              valid.replace("\"2023-01-01 10:00:00\"", "\"+999999999-01-01T00:00:00Z\"");
          case "INFINITE" -> valid.replace("12.5", "1e39");
          case "RESERVED" -> valid.replace("\"label\"", "\"__freshet_ts\"");
          default -> valid;
        };
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** One of several kinds of damage, at a random place. */
  private static byte[] mutate(String valid, Random random) {
    byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = random.nextInt(bytes.length);
    String[] inserts = {
      "null",
      "true",
      "[]",
      "{}",
      "\"\"",
      "-0",
      "1e309",
      "9223372036854775808",
      "-1e-400",
      "\"NaN\"",
      "\"Infinity\"",
      "[[[[[[[[]]]]]]]]",
      "{\"a\":{\"b\":{\"c\":1}}}",
      "\\u0000",
      "\"\\ud800\"",
      ",",
      ":",
      "\"",
      "\\",
      "0x10",
      "\"+999999999-01-01T00:00:00Z\"",
      "1618225182000000000000"
    };
    switch (random.nextInt(6)) {
      case 0 -> { // flip a byte
        bytes[at] = (byte) random.nextInt(256);
        out.writeBytes(bytes);
      }
      case 1 -> { // cut a run
        out.write(bytes, 0, at);
        int end = Math.min(bytes.length, at + 1 + random.nextInt(20));
        out.write(bytes, end, bytes.length - end);
      }
      case 2 -> { // insert a token
        out.write(bytes, 0, at);
        out.writeBytes(inserts[random.nextInt(inserts.length)].getBytes(StandardCharsets.UTF_8));
        out.write(bytes, at, bytes.length - at);
      }
      case 3 -> { // replace a value after a colon with a hostile one
        String text = valid;
        int colon = text.indexOf(':', at);
        if (colon < 0) {
          colon = text.indexOf(':');
        }
        int end = colon + 1;
        while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        out.writeBytes(
            (text.substring(0, colon + 1)
                    + inserts[random.nextInt(inserts.length)]
                    + text.substring(end))
                .getBytes(StandardCharsets.UTF_8));
      }
      case 4 -> { // duplicate a run
        int end = Math.min(bytes.length, at + 1 + random.nextInt(40));
        out.write(bytes, 0, end);
        out.write(bytes, at, bytes.length - at);
      }
      default -> { // a truncated document
        out.write(bytes, 0, at);
      }
    }
    return out.toByteArray();
  }

  private int status(String path, byte[] body, String encoding) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .timeout(ANSWER_WITHIN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    HttpResponse<String> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }
}
