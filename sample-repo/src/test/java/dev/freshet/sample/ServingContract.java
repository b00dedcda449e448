package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.freshet.client.FeatureClientException;
import dev.freshet.client.FeatureStatus;
import dev.freshet.client.FeatureValue;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.sample.example.ChurnScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The real feature server on a random port, over a copy of the sample, against each store. */
abstract class ServingContract {
  static final String WORKSHOP_1001 =
      "{\"values\":[0.4045884609222412],\"statuses\":[\"PRESENT\"],\"event_timestamps\":[\"2022-03-14T14:00:00Z\"]}";

  @TempDir Path root;
  Path repo;
  FeatureServer server;
  URL url;

  /** Properties selecting the store under test. */
  abstract Map<String, Object> storeProperties();

  /** Loads the sample's data into the store before the server starts, when bootstrap does not. */
  void prepareStore() {}

  @BeforeEach
  void startServer() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    prepareStore();
    server = start(Map.of());
    url = server.url();
  }

  private int servers;

  /**
   * A server with {@code extra} properties. Each has an embedded store directory of its own, since
   * one process holds an embedded store at a time; Redis ignores it.
   */
  FeatureServer start(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(storeProperties());
    properties.put(
        "freshet.online-store.embedded.path",
        servers++ == 0 ? "data/online_store" : "data/online_store_" + servers);
    properties.put("freshet.repo-path", repo.toString());
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    return FeatureServer.start(
        properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  Http.Response post(String path, String body, String... headers) {
    return Http.post(url, path, body, headers);
  }

  @Test
  void modelV1ServesTheWorkshopValue() {
    Http.Response response =
        post(
            "/get-online-features",
            "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"metadata\":{\"feature_names\":[\"driver_id\",\"conv_rate\"]},\"results\":["
                + "{\"values\":[1001],\"statuses\":[\"PRESENT\"],\"event_timestamps\":[\"1970-01-01T00:00:00Z\"]},"
                + WORKSHOP_1001
                + "]}");
  }

  @Test
  void explicitFeaturesServeTheWorkshopValuesAndUnknownDriversAreNotFound() {
    Http.Response response =
        post(
            "/get-online-features",
            "{\"features\": [\"driver_hourly_stats:conv_rate\", \"driver_hourly_stats:acc_rate\"],"
                + " \"entities\": {\"driver_id\": [1001, 1234]}}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "{\"values\":[0.4045884609222412,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"],"
                + "\"event_timestamps\":[\"2022-03-14T14:00:00Z\",\"1970-01-01T00:00:00Z\"]}")
        .contains(
            "{\"values\":[0.4075707495212555,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"],"
                + "\"event_timestamps\":[\"2022-03-14T14:00:00Z\",\"1970-01-01T00:00:00Z\"]}");
  }

  @Test
  void fullNamesDuplicatesAndStringKeys() {
    Http.Response response =
        post(
            "/get-online-features",
            "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"full_feature_names\": true,"
                + " \"entities\": {\"driver_id\": [\"1001\", 1001], \"ignored\": [1, 2]}}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"metadata\":{\"feature_names\":[\"driver_id\",\"driver_hourly_stats__conv_rate\"]},\"results\":["
                + "{\"values\":[1001,1001],\"statuses\":[\"PRESENT\",\"PRESENT\"],"
                + "\"event_timestamps\":[\"1970-01-01T00:00:00Z\",\"1970-01-01T00:00:00Z\"]},"
                + "{\"values\":[0.4045884609222412,0.4045884609222412],\"statuses\":[\"PRESENT\",\"PRESENT\"],"
                + "\"event_timestamps\":[\"2022-03-14T14:00:00Z\",\"2022-03-14T14:00:00Z\"]}]}");
  }

  @Test
  void aPushIsServedAndAnOlderPushDoesNotOverwriteIt() {
    String push =
        "{\"push_source_name\": \"driver_stats_push_source\", \"df\": {\"driver_id\": [1001],"
            + " \"daily_miles_driven\": [%s], \"event_timestamp\": [\"%s\"],"
            + " \"created\": [\"2022-05-18 16:22:34.060287+00:00\"]}, \"to\": \"online\"}";
    String read =
        "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": [1001]}}";

    assertThat(post("/push", String.format(push, "631.9", "2023-03-03 12:00:00")).status())
        .isEqualTo(200);
    assertThat(post("/get-online-features", read).body())
        .contains(
            "{\"values\":[631.9000244140625],\"statuses\":[\"PRESENT\"],\"event_timestamps\":[\"2023-03-03T12:00:00Z\"]}");

    assertThat(post("/push", String.format(push, "1.5", "2023-03-03T11:00:00Z")).status())
        .isEqualTo(200);
    assertThat(post("/get-online-features", read).body()).contains("[631.9000244140625]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "unknown view | /get-online-features | {\"features\": [\"driver_hourly_statz:conv_rate\"], \"entities\": {\"driver_id\": [1001]}} | 404 | {\"error\":\"FeatureViewNotFound\",\"code\":\"FRESHET-API-004\",\"message\":\"feature view 'driver_hourly_statz' does not exist; did you mean 'driver_hourly_stats'?\"}",
        "unknown feature | /get-online-features | {\"features\": [\"driver_hourly_stats:conv_rat\"], \"entities\": {\"driver_id\": [1001]}} | 404 | {\"error\":\"FeatureNotFound\",\"code\":\"FRESHET-API-005\",\"message\":\"feature view 'driver_hourly_stats' has no feature 'conv_rat'; did you mean 'conv_rate'?\"}",
        "unknown service | /get-online-features | {\"feature_service\": \"modelv1\", \"entities\": {\"driver_id\": [1001]}} | 404 | {\"error\":\"FeatureServiceNotFound\",\"code\":\"FRESHET-API-006\",\"message\":\"feature service 'modelv1' does not exist; did you mean 'model_v1'?\"}",
        "empty body | /get-online-features | `` | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"the request body is empty; send a JSON object\"}",
        "empty push | /push | `` | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"the request body is empty; send a JSON object\"}",
        "empty historical request | /get-historical-features | `` | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"the request body is empty; send a JSON object\"}",
        "empty materialization | /materialize-incremental | `` | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"the request body is empty; send a JSON object\"}",
        "malformed JSON | /get-online-features | {\"features\": [ | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"the request body is not valid JSON (line 1, column 15): Unexpected end-of-input: expected close marker for Array\"}",
        "wrong JSON type | /get-online-features | {\"features\": \"driver_hourly_stats:conv_rate\", \"entities\": {\"driver_id\": [1001]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"features holds a string; expected an array of strings\"}",
        "missing join key | /get-online-features | {\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver\": [1001]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"the entities lack join key 'driver_id' of feature view 'driver_hourly_stats'\"}",
        "unequal lengths | /get-online-features | {\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [1001, 1002], \"x\": [1]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"entity columns differ in length: driver_id has 2 values, x has 1\"}",
        "uncoercible key | /get-online-features | {\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [\"one\"]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"entities.driver_id[0] is \\\"one\\\", which cannot be read as INT64\"}",
        "non-string feature | /get-online-features | {\"features\": [\"driver_hourly_stats:conv_rate\", 7], \"entities\": {\"driver_id\": [1001]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"features[1] holds a number; expected a string\"}",
        "nested entity value | /get-online-features | {\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [1001, 1002, [1003]]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"entities.driver_id[2] holds an array; expected a number, a string or a boolean\"}",
        "uncoercible later key | /get-online-features | {\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [1001, \"1002\", 1.5]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"entities.driver_id[2] is 1.5, which cannot be read as INT64\"}",
        "empty entities | /get-online-features | {\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": []}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"entities.driver_id is empty; give at least one entity\"}",
        "unknown push source | /push | {\"push_source_name\": \"nope\", \"df\": {\"driver_id\": [1]}} | 404 | {\"error\":\"PushSourceNotFound\",\"code\":\"FRESHET-API-007\",\"message\":\"push source 'nope' does not exist; the push sources are driver_stats_push_source\"}",
        "push missing column | /push | {\"push_source_name\": \"driver_stats_push_source\", \"df\": {\"driver_id\": [1001], \"event_timestamp\": [\"2030-01-01 00:00:00\"], \"created\": [null]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"df lacks column 'daily_miles_driven', which feature view 'driver_daily_features' needs\"}",
        "push bad timestamp | /push | {\"push_source_name\": \"driver_stats_push_source\", \"df\": {\"driver_id\": [1001], \"daily_miles_driven\": [1.0], \"event_timestamp\": [\"soon\"], \"created\": [null]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"df.event_timestamp[0]: 'soon' is not a time; write ISO-8601 such as 2022-03-14T14:00:00Z or 2022-03-14T16:00:00+02:00, a time without offset (UTC) such as 2022-03-14 14:00:00, or a date such as 2022-03-14, or an integer of epoch nanoseconds\"}",
        "push bad to | /push | {\"push_source_name\": \"driver_stats_push_source\", \"df\": {}, \"to\": \"elsewhere\"} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"to is \\\"elsewhere\\\"; expected online, offline or online_and_offline\"}",
        "push to offline without every read column | /push | {\"push_source_name\": \"driver_stats_push_source\", \"df\": {\"driver_id\": [1001], \"daily_miles_driven\": [1.0], \"event_timestamp\": [\"2030-01-01 00:00:00\"], \"created\": [null]}, \"to\": \"offline\"} | 422 | {\"error\":\"OfflinePushMismatch\",\"code\":\"FRESHET-API-008\",\"message\":\"to push to the offline store, df needs the columns the feature views read from batch source 'driver_stats_source' [driver_id, event_timestamp, created, daily_miles_driven, conv_rate, acc_rate, miles_driven]; missing [conv_rate, acc_rate, miles_driven] (nothing was written)\"}",
        "historical unknown feature | /get-historical-features | {\"features\": [\"driver_hourly_stats:conv_rat\"], \"entities\": {\"driver_id\": [1001], \"event_timestamp\": [\"2021-04-12 10:59:42\"]}} | 422 | {\"error\":\"InvalidHistoricalRequest\",\"code\":\"FRESHET-API-010\",\"message\":\"feature view 'driver_hourly_stats' has no feature 'conv_rat'; did you mean 'conv_rate'?\"}",
        "historical without times | /get-historical-features | {\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}} | 422 | {\"error\":\"InvalidHistoricalRequest\",\"code\":\"FRESHET-API-010\",\"message\":\"the entity rows have no 'event_timestamp' column, the time each row wants features as of; they have [driver_id]\"}",
        "historical bad time | /get-historical-features | {\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001], \"event_timestamp\": [true]}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"entities.event_timestamp[0] is true, which cannot be read as UNIX_TIMESTAMP\"}",
        "historical both kinds | /get-historical-features | {\"feature_service\": \"model_v1\", \"features\": [], \"entities\": {}} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"give either features (an array of view:feature) or feature_service, not both\"}",
        "materialize unknown view | /materialize | {\"start_ts\": \"2022-01-01T00:00:00\", \"end_ts\": \"2022-01-02T00:00:00\", \"feature_views\": [\"nope\"]} | 404 | {\"error\":\"FeatureViewNotFound\",\"code\":\"FRESHET-API-004\",\"message\":\"feature view 'nope' does not exist; the feature views are driver_daily_features, driver_hourly_stats\"}",
        "materialize backwards | /materialize | {\"start_ts\": \"2022-01-02T00:00:00\", \"end_ts\": \"2022-01-01T00:00:00\"} | 422 | {\"error\":\"MalformedRequest\",\"code\":\"FRESHET-API-001\",\"message\":\"start_ts 2022-01-02T00:00:00Z is not before end_ts 2022-01-01T00:00:00Z\"}",
      })
  void badInputIsA4xxThatNamesTheProblem(
      String name, String path, String body, int status, String error) {
    Http.Response response = post(path, body);
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(error);
  }

  /**
   * Reads are answered by Freshet's own handler unless {@code freshet.serving.direct-reads} is
   * false; either way a client sees the same statuses, bodies and metrics.
   */
  @Test
  void readsAnswerTheSameWhetherDirectOrRoutedThroughMicronaut() {
    String tooLarge =
        "{\"features\": [\""
            + "x".repeat(10 * 1024 * 1024)
            + "\"], \"entities\": {\"driver_id\": [1001]}}";
    List<String> reads =
        List.of(
            "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001, 1234]}}",
            "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"full_feature_names\": true, \"entities\": {\"driver_id\": [\"1001\"]}}",
            "{\"feature_service\": \"modelv1\", \"entities\": {\"driver_id\": [1001]}}",
            "{\"features\": [",
            "",
            "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [1001, 1002], \"x\": [1]}}",
            tooLarge);
    try (FeatureServer routed =
        start(Map.of("freshet.serving.direct-reads", false, "freshet.serving.bootstrap", false))) {
      // Its own embedded store is empty (the registry says the first server materialized already).
      assertThat(
              Http.post(
                      routed.url(),
                      "/materialize",
                      "{\"start_ts\": \"2000-01-01T00:00:00\", \"end_ts\": \""
                          + Instant.now()
                          + "\"}")
                  .status())
          .isEqualTo(200);
      Http.Response direct = null;
      for (String read : reads) {
        direct = post("/get-online-features", read);
        Http.Response viaMicronaut = Http.post(routed.url(), "/get-online-features", read);
        assertThat(direct)
            .as(read.length() > 200 ? "a body over the size limit" : read)
            .isEqualTo(viaMicronaut);
      }
      assertThat(direct)
          .isEqualTo(
              new Http.Response(
                  413,
                  "{\"error\":\"RequestTooLarge\",\"code\":\"FRESHET-API-002\",\"message\":\"the request body is larger than the server"
                      + " accepts (micronaut.server.max-request-size)\"}"));
      assertThat(readCounts(Http.get(url, "/metrics").body()))
          .isNotEmpty()
          .isEqualTo(readCounts(Http.get(routed.url(), "/metrics").body()));
    }
  }

  /** Where Micronaut's configuration changes a read's response, Micronaut answers it. */
  @Test
  void readsKeepMicronautsContextPathAndCors() throws Exception {
    String read = "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}";
    try (FeatureServer underPath =
            start(
                Map.of(
                    "micronaut.server.context-path",
                    "/features",
                    "freshet.serving.bootstrap",
                    false));
        FeatureServer withCors =
            start(
                Map.of(
                    "micronaut.server.cors.enabled", true, "freshet.serving.bootstrap", false))) {
      assertThat(Http.post(underPath.url(), "/get-online-features", read).status()).isEqualTo(404);
      assertThat(Http.post(underPath.url(), "/features/get-online-features", read).status())
          .isEqualTo(200);

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(withCors.url() + "/get-online-features"))
                      .header("Origin", "http://localhost:3000")
                      .POST(HttpRequest.BodyPublishers.ofString(read))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("http://localhost:3000");
    }
  }

  /**
   * Micronaut's access log, turned on as the README says, has the reads the direct path answers.
   */
  @Test
  void directReadsAreInTheAccessLog() throws Exception {
    String read = "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}";
    Logger accessLog = (Logger) LoggerFactory.getLogger("HTTP_ACCESS_LOGGER");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    try (FeatureServer logging =
        start(
            Map.of(
                "micronaut.server.netty.access-logger.enabled", true,
                "logger.levels.HTTP_ACCESS_LOGGER", "INFO",
                "freshet.serving.bootstrap", false))) {
      // Attached once the server runs: Micronaut reconfigures logback as it starts.
      lines.start();
      accessLog.addAppender(lines);
      assertThat(Http.post(logging.url(), "/get-online-features", read).status()).isEqualTo(200);
      assertThat(Http.post(logging.url(), "/get-online-features", "{").status()).isEqualTo(422);

      // The logger writes its line once the response has gone out, on the event loop.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (lines.list.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(lines.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .satisfiesExactly(
              line -> assertThat(line).contains("\"POST /get-online-features HTTP/1.1\" 200 "),
              line -> assertThat(line).contains("\"POST /get-online-features HTTP/1.1\" 422 "));
    } finally {
      accessLog.detachAppender(lines);
    }
  }

  /**
   * The request counts of /get-online-features in a Prometheus scrape (its 404s are under
   * NOT_FOUND).
   */
  private static List<String> readCounts(String metrics) {
    return metrics
        .lines()
        .filter(
            line ->
                line.startsWith("http_server_requests_seconds_count{")
                    && (line.contains("uri=\"/get-online-features\"")
                        || line.contains("uri=\"NOT_FOUND\"")))
        .sorted()
        .toList();
  }

  /**
   * Pipelined requests on one connection are answered in their order, also when a read follows a
   * request Micronaut answers on another thread.
   */
  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    String read = "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}";
    String badPush = "{\"push_source_name\": \"nope\", \"df\": {\"driver_id\": [1]}}";
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (request("/push", badPush)
                  + request("/get-online-features", read)
                  + request("/get-online-features", "{")
                  + request("/get-online-features", read))
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

      assertThat(response(in)).startsWith("404 ").contains("PushSourceNotFound");
      assertThat(response(in)).startsWith("200 ").endsWith(WORKSHOP_1001 + "]}");
      assertThat(response(in)).startsWith("422 ").contains("the request body is not valid JSON");
      assertThat(response(in)).startsWith("200 ").endsWith(WORKSHOP_1001 + "]}");
    }
  }

  private static String request(String path, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  /** The next response on the connection: its status code and reason, a space, and its body. */
  private static String response(BufferedReader in) throws IOException {
    String status = in.readLine();
    int length = 0;
    for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    char[] body = new char[length];
    for (int read = 0; read < length; ) {
      read += in.read(body, read, length - read);
    }
    return status.substring("HTTP/1.1 ".length()) + " " + new String(body);
  }

  @Test
  void materializationAnswersWhatItWrotePerView() throws Exception {
    Http.Response response =
        post(
            "/materialize",
            "{\"start_ts\": \"2021-01-01T00:00:00\", \"end_ts\": \"2023-01-01T00:00:00\","
                + " \"feature_views\": [\"driver_hourly_stats\"]}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode views =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("views");
    assertThat(views).hasSize(1);
    assertThat(views.get(0).get("view").asText()).isEqualTo("driver_hourly_stats");
    assertThat(views.get(0).get("start").asText()).isEqualTo("2021-01-01T00:00:00Z");
    assertThat(views.get(0).get("end").asText()).isEqualTo("2023-01-01T00:00:00Z");
    assertThat(views.get(0).get("rows_read").asLong()).isEqualTo(1_807);
    assertThat(
            views.get(0).get("entities_written").asLong()
                + views.get(0).get("skipped_as_older").asLong())
        .isEqualTo(5);

    Http.Response nothing =
        post(
            "/materialize",
            "{\"start_ts\": \"2030-01-01T00:00:00\", \"end_ts\": \"2031-01-01T00:00:00\","
                + " \"feature_views\": [\"driver_hourly_stats\"]}");
    assertThat(nothing.body())
        .contains("\"rows_read\":0,\"entities_written\":0,\"skipped_as_older\":0")
        .contains("\"note\":\"the source's rows are from 2021-04-12T");
  }

  @Test
  void aPushWithOneBadRowWritesNothing() {
    Http.Response response =
        post(
            "/push",
            "{\"push_source_name\": \"driver_stats_push_source\", \"df\": {\"driver_id\": [1002, 1003],"
                + " \"daily_miles_driven\": [5.0, \"many\"], \"event_timestamp\": [\"2030-01-01 00:00:00\","
                + " \"2030-01-01 00:00:00\"], \"created\": [null, null]}}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body())
        .contains("df.daily_miles_driven[1] is \\\"many\\\", which cannot be read as FLOAT");
    String read =
        "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": [1002]}}";
    assertThat(post("/get-online-features", read).body()).doesNotContain("2030-01-01");
  }

  @Test
  void aPortInUseIsOneClearError() {
    assertThatThrownBy(
            () ->
                start(
                    Map.of(
                        "micronaut.server.port",
                        server.port(),
                        "freshet.serving.bootstrap",
                        false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "port "
                + server.port()
                + " is already in use: stop what listens there, or give another with --port");
  }

  @Test
  void tooManyEntitiesIs413() {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      ids.append(i == 0 ? "" : ",").append(i);
    }
    Http.Response response =
        post(
            "/get-online-features",
            "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": ["
                + ids
                + "]}}");
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\":\"TooManyRows\"");
  }

  @Test
  void healthShowsItsDetailsAndMetricsOnlyToTheManagementToken() {
    Http.Response health = Http.get(url, "/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");

    try (FeatureServer managed =
        start(
            Map.of(
                "freshet.serving.management-token",
                "m-secret",
                "freshet.serving.bootstrap",
                false))) {
      assertThat(Http.get(managed.url(), "/health").body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(Http.get(managed.url(), "/health", "Authorization", "Bearer m-secret").body())
          .startsWith("{\"name\":\"application\",\"status\":\"UP\"")
          .contains("\"onlineStore\":{");
      assertThat(Http.get(managed.url(), "/metrics").status()).isEqualTo(401);
      assertThat(Http.get(managed.url(), "/metrics/", "Authorization", "Bearer wrong").status())
          .isEqualTo(401);
      assertThat(Http.get(managed.url(), "/schedules").status()).isEqualTo(401);
      assertThat(Http.get(managed.url(), "/metrics", "Authorization", "Bearer m-secret").status())
          .isEqualTo(200);
    }
  }

  @Test
  void metricsCountRequestsPerEndpointAndPerFeatureServiceInPrometheusFormat() {
    post(
        "/get-online-features",
        "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}");
    post(
        "/get-online-features",
        "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1002]}}");
    post(
        "/get-online-features",
        "{\"features\": [\"driver_hourly_stats:acc_rate\"], \"entities\": {\"driver_id\": [1]}}");

    Http.Response metrics = Http.get(url, "/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("freshet_online_features_seconds_count{feature_service=\"model_v1\"} 2")
        .contains("freshet_online_features_seconds_count{feature_service=\"-\"} 1")
        .contains(
            "http_server_requests_seconds_count{exception=\"none\",method=\"POST\",status=\"200\",uri=\"/get-online-features\"} 3")
        .contains(
            "http_server_requests_seconds_bucket{exception=\"none\",method=\"POST\",status=\"200\",uri=\"/get-online-features\",le=");
  }

  @Test
  void aReadServerRefusesWritesAndAPushServerRefusesReads() {
    try (FeatureServer read =
            start(Map.of("freshet.serving.role", "READ", "freshet.serving.bootstrap", false));
        FeatureServer push =
            start(Map.of("freshet.serving.role", "PUSH", "freshet.serving.bootstrap", false))) {
      Http.Response refusedPush = Http.post(read.url(), "/push", "{}");
      assertThat(refusedPush.status()).isEqualTo(403);
      assertThat(refusedPush.body()).contains("this server has role read");
      Http.Response refusedRead = Http.post(push.url(), "/get-online-features", "{}");
      assertThat(refusedRead.status()).isEqualTo(403);
      assertThat(refusedRead.body()).contains("this server has role push");
      assertThat(
              Http.post(
                      read.url(),
                      "/get-online-features",
                      "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void tokensGuardReadsAndWritesSeparately() {
    try (FeatureServer guarded =
        start(
            Map.of(
                "freshet.serving.write-token",
                "w-secret",
                "freshet.serving.read-token",
                "r-secret",
                "freshet.serving.bootstrap",
                false))) {
      String read = "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}";
      assertThat(Http.post(guarded.url(), "/get-online-features", read).status()).isEqualTo(401);
      assertThat(
              Http.post(
                      guarded.url(),
                      "/get-online-features",
                      read,
                      "Authorization",
                      "Bearer w-secret")
                  .status())
          .isEqualTo(401);
      assertThat(
              Http.post(
                      guarded.url(),
                      "/get-online-features",
                      read,
                      "Authorization",
                      "Bearer r-secret")
                  .status())
          .isEqualTo(200);
      assertThat(Http.post(guarded.url(), "/push", "{}").body())
          .isEqualTo(
              "{\"error\":\"Unauthorized\",\"code\":\"FRESHET-API-015\",\"message\":\"/push needs the header Authorization: Bearer <token>\"}");
      assertThat(
              Http.post(guarded.url(), "/push", "{}", "Authorization", "Bearer w-secret").status())
          .isEqualTo(422);
    }
  }

  @Test
  void theRemoteTypedClientAndTheInProcessOneGiveTheSameValues() throws Exception {
    ModelV2Client remote = ModelV2Client.remote(url.toURI());
    ModelV2Client local = ModelV2Client.over(server.inProcessTransport());
    List<Long> drivers = List.of(1001L, 1002L, 9999L, 1001L);

    List<ModelV2Values> remoteValues = remote.getAll(drivers);
    assertThat(remoteValues).isEqualTo(local.getAll(drivers));
    assertThat(remoteValues.get(0).convRate())
        .isEqualTo(
            new FeatureValue<>(
                0.40458846f, FeatureStatus.PRESENT, Instant.parse("2022-03-14T14:00:00Z")));
    assertThat(remoteValues.get(0).accRate().value()).isEqualTo(0.40757075f);
    assertThat(remoteValues.get(2).milesDriven().status()).isEqualTo(FeatureStatus.NOT_FOUND);
    assertThat(ModelV1Client.remote(url.toURI()).get(1001L).convRate().orElseThrow())
        .isEqualTo(0.40458846f);
  }

  @Test
  void theRemoteClientReportsServerErrors() throws Exception {
    try (FeatureServer push =
        start(Map.of("freshet.serving.role", "PUSH", "freshet.serving.bootstrap", false))) {
      assertThatThrownBy(() -> ModelV1Client.remote(push.url().toURI()).get(1001L))
          .isInstanceOf(FeatureClientException.class)
          .hasMessageContaining("answered 403")
          .hasMessageContaining("this server has role push");
    }
  }

  @Test
  void theExampleServiceScoresDriversFromTheServer() throws Exception {
    List<String> lines =
        new ChurnScorer(ModelV2Client.remote(url.toURI())).score(List.of(1001L, 9999L));
    // 1 - (0.40458846 + 0.40757075) / 2 = 0.594
    assertThat(lines)
        .containsExactly(
            "1001: churn risk 0.59 (features as of 2022-03-14T14:00:00Z)",
            "9999: no score (conv_rate NOT_FOUND, acc_rate NOT_FOUND)");
  }
}
