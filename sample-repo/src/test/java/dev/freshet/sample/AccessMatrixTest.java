package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every protected endpoint, spelt every way a router might take it, with every method, for every
 * role and token: a request is answered only where the role and the token allow it. Requests go
 * over a raw socket, so that the request line is exactly what the test wrote.
 */
class AccessMatrixTest {
  /** Endpoints, the access each needs, and a body that each would act on if it ran. */
  private record Endpoint(String path, boolean write, String body) {}

  private static final String UNAUTHORIZED_PUSH =
      "{\"push_source_name\": \"driver_stats_push_source\", \"df\": {\"driver_id\": [7777], \"daily_miles_driven\": [1.0],"
          + " \"event_timestamp\": [\"2023-01-01T00:00:00Z\"], \"created\": [null]}, \"to\": \"online\"}";
  private static final String READ_7777 =
      "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": [7777]}}";

  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "get-online-features",
              false,
              "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}"),
          new Endpoint(
              "get-historical-features",
              false,
              "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001], \"event_timestamp\": [\"2021-04-12T10:59:42Z\"]}}"),
          new Endpoint("push", true, UNAUTHORIZED_PUSH),
          new Endpoint(
              "materialize",
              true,
              "{\"start_ts\": \"2021-01-01T00:00:00\", \"end_ts\": \"2021-01-02T00:00:00\"}"),
          new Endpoint("materialize-incremental", true, "{\"end_ts\": \"2021-01-02T00:00:00\"}"));

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

  /** Statuses that show a request never reached its endpoint's work. */
  private static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404, 405);

  @TempDir Path root;
  private Path repo;

  @BeforeEach
  void copySample() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
  }

  @Test
  void tokensHoldHoweverThePathIsSpelt() throws Exception {
    try (FeatureServer server =
        start(
            "ALL",
            Map.of(
                "freshet.serving.read-token",
                "r-secret",
                "freshet.serving.write-token",
                "w-secret"))) {
      List<String> failures = new ArrayList<>();
      for (Endpoint endpoint : ENDPOINTS) {
        String good = endpoint.write() ? "w-secret" : "r-secret";
        String other = endpoint.write() ? "r-secret" : "w-secret";
        for (String auth :
            new String[] {
              null, "Bearer wrong", "Bearer " + other, "Basic " + good, "bearer" + good, good
            }) {
          refusedEverywhere(server, endpoint, auth, failures);
        }
      }
      assertThat(failures).isEmpty();
      assertThat(
              Http.post(
                      server.url(),
                      "/get-online-features",
                      READ_7777,
                      "Authorization",
                      "Bearer r-secret")
                  .body())
          .as("no refused push was stored")
          .contains("\"statuses\":[\"NOT_FOUND\"]");
      for (Endpoint endpoint : ENDPOINTS) {
        String token = endpoint.write() ? "w-secret" : "r-secret";
        Http.Response answered =
            Http.post(
                server.url(),
                "/" + endpoint.path(),
                endpoint.body(),
                "Authorization",
                "Bearer " + token);
        assertThat(answered.status()).as(endpoint.path() + ": " + answered.body()).isEqualTo(200);
      }
    }
  }

  @Test
  void rolesHoldHoweverThePathIsSpelt() throws Exception {
    // Role ingest refuses both kinds by the same rule; it needs a broker to start, so it is left
    // out here.
    for (String role : List.of("READ", "PUSH")) {
      try (FeatureServer server = start(role, Map.of())) {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
          boolean answers = role.equals("READ") != endpoint.write();
          if (answers) {
            Http.Response answered =
                Http.post(server.url(), "/" + endpoint.path(), endpoint.body());
            assertThat(answered.status())
                .as(role + " " + endpoint.path() + ": " + answered.body())
                .isEqualTo(200);
          } else {
            refusedEverywhere(server, endpoint, null, failures);
          }
        }
        assertThat(failures).as("role " + role).isEmpty();
      }
    }
  }

  private void refusedEverywhere(
      FeatureServer server, Endpoint endpoint, String authorization, List<String> failures)
      throws IOException {
    for (String path : spellings(endpoint.path())) {
      for (String method : List.of("POST", "PUT", "HEAD", "OPTIONS", "GET")) {
        int status = status(server.port(), method, path, authorization, endpoint.body());
        if (!REFUSED.contains(status)) {
          failures.add(method + " " + path + " with " + authorization + ": " + status);
        }
      }
    }
  }

  /** The status of one request written byte for byte, on a connection of its own. */
  private static int status(int port, String method, String path, String authorization, String body)
      throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
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
      socket.setSoTimeout(10_000);
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

  private FeatureServer start(String role, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.online-store.embedded.path", "data/online_store_" + servers++);
    properties.put("freshet.repo-path", repo.toString());
    properties.put("freshet.serving.role", role);
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    return FeatureServer.start(
        properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }
}
