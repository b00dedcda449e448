package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.testing.LocalKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every protected endpoint, spelt every way a router might take it, with every method, for every
 * role and token: each request gets exactly the status the role, the token and the spelling call
 * for, and a refused one writes nothing. Requests go over a raw socket, so that the request line is
 * exactly what the test wrote.
 *
 * <p>The expected status is worked out here from the documented rules (docs/operations.md, "Roles
 * and tokens"), not asked of the server: a spelling that does not reach the endpoint is 404; one
 * that reaches it with a method it does not take is 405; then a role that does not answer the
 * endpoint is 403, whatever the token; then a token that is set and not sent as {@code Bearer} (the
 * scheme in any case, one space, the token) is 401; anything else is answered, 200.
 */
class AccessMatrixTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What an endpoint gives access to, as docs/operations.md groups them, with the key of the token
   * that guards it and the token this test sets there.
   */
  private enum Access {
    READ("freshet.serving.read-token", "r-secret"),
    WRITE("freshet.serving.write-token", "w-secret"),
    MANAGE("freshet.serving.management-token", "m-secret");

    final String tokenKey;
    final String token;

    Access(String tokenKey, String token) {
      this.tokenKey = tokenKey;
      this.token = token;
    }
  }

  /** An endpoint, the access it needs, the method it takes, and a body it would act on. */
  private record Endpoint(String path, Access access, String method, String body) {
    /** The methods the endpoint answers: a GET route answers HEAD too. */
    Set<String> methods() {
      return method.equals("GET") ? Set.of("GET", "HEAD") : Set.of(method);
    }
  }

  private static final String UNAUTHORIZED_PUSH =
      "{\"push_source_name\": \"driver_stats_push_source\", \"df\": {\"driver_id\": [7777], \"daily_miles_driven\": [1.0],"
          + " \"event_timestamp\": [\"2023-01-01T00:00:00Z\"], \"created\": [null]}, \"to\": \"online\"}";
  private static final String READ_7777 =
      "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": [7777]}}";

  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "get-online-features",
              Access.READ,
              "POST",
              "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}"),
          new Endpoint(
              "get-historical-features",
              Access.READ,
              "POST",
              "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001], \"event_timestamp\": [\"2021-04-12T10:59:42Z\"]}}"),
          new Endpoint("push", Access.WRITE, "POST", UNAUTHORIZED_PUSH),
          new Endpoint(
              "materialize",
              Access.WRITE,
              "POST",
              "{\"start_ts\": \"2021-01-01T00:00:00\", \"end_ts\": \"2021-01-02T00:00:00\"}"),
          new Endpoint(
              "materialize-incremental",
              Access.WRITE,
              "POST",
              "{\"end_ts\": \"2021-01-02T00:00:00\"}"),
          new Endpoint("metrics", Access.MANAGE, "GET", ""),
          new Endpoint("schedules", Access.MANAGE, "GET", ""),
          new Endpoint("ui", Access.READ, "GET", ""),
          new Endpoint("ui/api/overview", Access.READ, "GET", ""),
          new Endpoint("ui/api/definitions", Access.READ, "GET", ""));

  private static final List<String> METHODS = List.of("POST", "PUT", "HEAD", "OPTIONS", "GET");

  /** The ways to spell /x that a router, a proxy or a client library may treat as /x. */
  private static List<String> spellings(String x) {
    String encoded = "%" + Integer.toHexString(x.charAt(0)) + x.substring(1);
    return List.of(
        "/" + x,
        "/" + x + "/",
        "/" + x + "?q=1",
        "/" + x + "/?q=1",
        "//" + x,
        "/" + x + "//",
        "/" + x + ";p",
        "/" + x + ";p/",
        "/" + encoded,
        "/" + x + "%2F",
        "/%2F" + x,
        "/./" + x,
        "/nothing/../" + x,
        "/" + x.toUpperCase(),
        "/" + x + "#f");
  }

  /**
   * The spellings (indexes into {@link #spellings}) that reach the endpoint: the path itself, with
   * one trailing slash, and either with a query. Every other one is an unknown path, 404: the
   * server routes none of the doubled slashes, path parameters, encoded characters, dot segments,
   * other cases or fragments to an endpoint.
   */
  private static final Set<Integer> REACHING = Set.of(0, 1, 2, 3);

  /** Every token set: each access's key with its token. */
  private static final Map<String, Object> TOKENS =
      Arrays.stream(Access.values()).collect(Collectors.toMap(a -> a.tokenKey, a -> a.token));

  /** The interval a run of the {@code materialize} body above records for each batch view. */
  private static final String MATERIALIZED =
      "{\"driver_daily_features\":{\"start\":\"2021-01-01T00:00:00Z\",\"end\":\"2021-01-02T00:00:00Z\"},"
          + "\"driver_hourly_stats\":{\"start\":\"2021-01-01T00:00:00Z\",\"end\":\"2021-01-02T00:00:00Z\"}}";

  @TempDir Path root;
  private Path repo;

  @BeforeEach
  void copySample() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
  }

  @Test
  void tokensHoldHoweverThePathIsSpelt() throws Exception {
    check("all", TOKENS, AccessMatrixTest::authorizations);
  }

  @Test
  void withoutTokensEveryEndpointIsOpenToRoleAll() throws Exception {
    check("all", Map.of(), endpoint -> Arrays.asList(null, "Bearer wrong"));
  }

  @Test
  void rolesHoldHoweverThePathIsSpelt() throws Exception {
    for (String role : List.of("read", "push")) {
      check(role, TOKENS, endpoint -> Arrays.asList(null, bearer(endpoint.access().token)));
    }
  }

  @Test
  void roleIngestAnswersOnlyTheManagementEndpoints() throws Exception {
    // An ingesting server does not start without a broker.
    try (LocalKafka kafka = LocalKafka.start()) {
      Map<String, Object> config = new HashMap<>(TOKENS);
      config.put("kafka.bootstrap-servers", kafka.bootstrapServers());
      config.put("freshet.streaming.state-dir", root.resolve("streams").toString());
      check("ingest", config, endpoint -> Arrays.asList(null, bearer(endpoint.access().token)));
    }
  }

  /** Each Authorization header to try on {@code endpoint}: none, wrong ones, and the right one. */
  private static List<String> authorizations(Endpoint endpoint) {
    String good = endpoint.access().token;
    List<String> headers = new ArrayList<>(Arrays.asList(null, "Bearer wrong"));
    for (Access other : Access.values()) {
      if (other != endpoint.access()) {
        headers.add(bearer(other.token));
      }
    }
    headers.addAll(
        List.of(
            "Basic " + good,
            "bearer" + good,
            "bearer " + good,
            "BEARER " + good,
            "Bearer  " + good,
            good,
            bearer(good)));
    return headers;
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  /**
   * Whether {@code authorization} is {@code Bearer <token>}: the scheme in any case (RFC 9110
   * section 11.1), one space, then exactly the token.
   */
  private static boolean bears(String token, String authorization) {
    return authorization != null
        && authorization.length() == 7 + token.length()
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && authorization.endsWith(token);
  }

  /** Whether a server of {@code role} answers an endpoint of {@code access}: operations.md. */
  private static boolean answers(String role, Access access) {
    return switch (access) {
      case MANAGE -> true;
      case READ -> role.equals("all") || role.equals("read");
      case WRITE -> role.equals("all") || role.equals("push");
    };
  }

  /** The status the documented rules give one request. */
  private static int expected(
      String role,
      Map<String, Object> config,
      Endpoint endpoint,
      int spelling,
      String method,
      String authorization) {
    if (!REACHING.contains(spelling)) {
      return 404;
    }
    if (!endpoint.methods().contains(method)) {
      return 405;
    }
    if (!answers(role, endpoint.access())) {
      return 403;
    }
    Object token = config.get(endpoint.access().tokenKey);
    if (token != null && !bears((String) token, authorization)) {
      return 401;
    }
    return 200;
  }

  private interface Authorizations {
    List<String> of(Endpoint endpoint);
  }

  /**
   * Starts a server of {@code role} with {@code config} and sends it every refused request; checks
   * that none of them wrote anything; starts it again and sends it the answered ones; checks that
   * they wrote what they should exactly when the role answers writes. (The server is stopped
   * between, because the embedded store is open to one server at a time.)
   */
  private void check(String role, Map<String, Object> config, Authorizations authorizations)
      throws Exception {
    String store = "data/online_store_" + servers++;
    List<String> failures = new ArrayList<>();
    int refused;
    try (FeatureServer server = start(role, store, config)) {
      refused = send(server, role, config, authorizations, true, failures);
    }
    assertThat(failures).as("role " + role + ", refused requests").isEmpty();
    assertThat(stored(store))
        .as("role %s: what the refused requests left in the store", role)
        .isEqualTo(List.of("NOT_FOUND", "{}"));
    int answered;
    try (FeatureServer server = start(role, store, config)) {
      answered = send(server, role, config, authorizations, false, failures);
    }
    assertThat(failures).as("role " + role + ", answered requests").isEmpty();
    assertThat(stored(store))
        .as("role %s: what the answered requests left in the store", role)
        .isEqualTo(
            answers(role, Access.WRITE)
                ? List.of("PRESENT 1.0", MATERIALIZED)
                : List.of("NOT_FOUND", "{}"));
    System.out.printf("role %s: %d refused and %d answered requests%n", role, refused, answered);
  }

  /**
   * Sends every request the rules refuse ({@code refused}) or answer, in the order of {@link
   * #ENDPOINTS}, and notes each status that is not the expected one.
   */
  private static int send(
      FeatureServer server,
      String role,
      Map<String, Object> config,
      Authorizations authorizations,
      boolean refused,
      List<String> failures)
      throws IOException {
    int sent = 0;
    for (Endpoint endpoint : ENDPOINTS) {
      for (String authorization : authorizations.of(endpoint)) {
        List<String> paths = spellings(endpoint.path());
        for (int s = 0; s < paths.size(); s++) {
          for (String method : METHODS) {
            int expected = expected(role, config, endpoint, s, method, authorization);
            if ((expected != 200) != refused) {
              continue;
            }
            sent++;
            int status = status(server.port(), method, paths.get(s), authorization, endpoint);
            if (status != expected) {
              failures.add(
                  String.format(
                      "role %s: %s %s with %s: %d, expected %d",
                      role, method, paths.get(s), authorization, status, expected));
            }
          }
        }
      }
    }
    return sent;
  }

  /**
   * What the store at {@code store} holds of what the writes above would write, read by a server of
   * role all without tokens on the same store: 7777's pushed miles, and the intervals recorded as
   * materialized into it.
   */
  private List<String> stored(String store) throws Exception {
    try (FeatureServer reader = start("all", store, Map.of())) {
      Http.Response read = Http.post(reader.url(), "/get-online-features", READ_7777);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      JsonNode result = JSON.readTree(read.body()).get("results").get(1);
      String miles = result.get("statuses").get(0).asText();
      if (miles.equals("PRESENT")) {
        miles += " " + result.get("values").get(0).asText();
      }
      Http.Response definitions = Http.get(reader.url(), "/ui/api/definitions");
      assertThat(definitions.status()).as(definitions.body()).isEqualTo(200);
      return List.of(miles, JSON.readTree(definitions.body()).get("materialized").toString());
    }
  }

  /** The status of one request written byte for byte, on a connection of its own. */
  private static int status(
      int port, String method, String path, String authorization, Endpoint endpoint)
      throws IOException {
    byte[] content = endpoint.body().getBytes(StandardCharsets.UTF_8);
    StringBuilder request =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\n")
            .append("Host: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n")
            .append("Content-Length: ")
            .append(content.length)
            .append("\r\n");
    if (authorization != null) {
      request.append("Authorization: ").append(authorization).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  private int servers;

  /**
   * A server on {@code store}, which it does not bootstrap: the store holds only what the requests
   * write.
   */
  private FeatureServer start(String role, String store, Map<String, Object> extra) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("freshet.online-store.embedded.path", store);
    properties.put("freshet.repo-path", repo.toString());
    properties.put("freshet.serving.role", role);
    properties.put("freshet.serving.bootstrap", false);
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    return FeatureServer.start(
        properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }
}
