package dev.freshet.runtime.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.registry.RegistryFactory;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.runtime.time.AcceptedTimes;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.TestRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The value rules a running server takes from definitions and configuration, through pushes: a view
 * that declares {@code acceptsNonFinite} takes NaN and infinities, online and offline, and serves
 * them back, while a view that does not refuses the push whole, naming the declaration that would
 * accept them; event times outside {@code freshet.serving.earliest-timestamp} and {@code
 * latest-timestamp} are refused.
 */
class PushedValueRulesTest {
  private static final String ENABLED = "freshet.test.non-finite-registry";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path repo;
  private static FeatureServer server;

  @BeforeAll
  static void start() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      for (String file : List.of("readings.parquet", "strict.parquet")) {
        sql.execute(
            "COPY (SELECT 0::BIGINT AS sensor_id, TIMESTAMPTZ '2021-01-01 00:00:00+00' AS"
                + " event_timestamp, 1.0::DOUBLE AS temperature, 1.0::FLOAT AS ratio) TO '"
                + repo.resolve(file)
                + "' (FORMAT PARQUET)");
      }
    }
    server =
        FeatureServer.start(
            Map.of(
                "freshet.repo-path",
                repo.toString(),
                "freshet.serving.bootstrap",
                false,
                "micronaut.server.port",
                -1,
                ENABLED,
                true,
                "freshet.serving.earliest-timestamp",
                "2000-01-01T00:00:00Z",
                "freshet.serving.latest-timestamp",
                "2030-01-01T00:00:00Z"),
            new PrintWriter(new StringWriter()),
            MaterializationProgress.SILENT);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    // the bounds are the process's; later tests in this JVM expect the defaults
    AcceptedTimes.set(AcceptedTimes.DEFAULT_EARLIEST, AcceptedTimes.DEFAULT_LATEST);
  }

  @Test
  void aViewThatAcceptsThemStoresAndServesThemOnlineAndOffline() throws Exception {
    HttpResponse<String> push =
        post(
            "/push",
            """
            {"push_source_name": "readings_push", "to": "online_and_offline",
             "df": {"sensor_id": [1, 2], "event_timestamp": ["2021-04-12 10:00:00", "2021-04-12 10:00:00"],
                    "temperature": ["NaN", "-Infinity"], "ratio": ["Infinity", 0.5]}}
            """);
    assertThat(push.statusCode()).as(push.body()).isEqualTo(200);

    JsonNode read =
        JSON.readTree(
            post(
                    "/get-online-features",
                    """
                    {"features": ["sensor_readings:temperature", "sensor_readings:ratio"],
                     "entities": {"sensor_id": [1, 2]}}
                    """)
                .body());
    JsonNode temperature = read.get("results").get(1);
    JsonNode ratio = read.get("results").get(2);
    assertThat(temperature.get("values").toString()).isEqualTo("[\"NaN\",\"-Infinity\"]");
    assertThat(ratio.get("values").toString()).isEqualTo("[\"Infinity\",0.5]");
    assertThat(temperature.get("statuses").toString()).isEqualTo("[\"PRESENT\",\"PRESENT\"]");

    assertThat(offlineRows("readings"))
        .containsExactly("0 1.0 1.0", "1 NaN Infinity", "2 -Infinity 0.5");
  }

  @Test
  void aViewThatDoesNotRefusesThePushWholeAndSaysHowToAcceptThem() throws Exception {
    HttpResponse<String> push =
        post(
            "/push",
            """
            {"push_source_name": "strict_push", "to": "online_and_offline",
             "df": {"sensor_id": [3, 4], "event_timestamp": ["2021-04-12 10:00:00", "2021-04-12 10:00:00"],
                    "temperature": [20.5, "NaN"], "ratio": [0.1, 0.2]}}
            """);
    assertThat(push.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(push.body()).get("message").asText())
        .contains(
            "df.temperature[1] is \"NaN\", which cannot be read as DOUBLE; JSON has no NaN or"
                + " infinities, and a view accepts them only where it declares"
                + " @FeatureView(acceptsNonFinite = true)");
    assertThat(offlineRows("strict")).containsExactly("0 1.0 1.0");
    JsonNode read =
        JSON.readTree(
            post(
                    "/get-online-features",
                    """
                    {"features": ["strict_readings:temperature"], "entities": {"sensor_id": [3]}}
                    """)
                .body());
    assertThat(read.get("results").get(1).get("statuses").toString()).isEqualTo("[\"NOT_FOUND\"]");
  }

  @Test
  void aNumberTooLargeForItsTypeIsRefusedEvenWhereNonFiniteValuesAreAccepted() throws Exception {
    HttpResponse<String> push =
        post(
            "/push",
            """
            {"push_source_name": "readings_push",
             "df": {"sensor_id": [5], "event_timestamp": ["2021-04-12 10:00:00"],
                    "temperature": [1.0], "ratio": [1e39]}}
            """);
    assertThat(push.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(push.body()).get("message").asText())
        .contains("df.ratio[0] is 1.0E39, which cannot be read as FLOAT");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1999-12-31 23:59:59", "2030-01-01 00:00:01"})
  void anEventTimeOutsideTheConfiguredRangeIsRefusedNamingTheKeys(String time) throws Exception {
    HttpResponse<String> push =
        post(
            "/push",
            """
            {"push_source_name": "readings_push",
             "df": {"sensor_id": [6, 6], "event_timestamp": ["2021-04-12 10:00:00", "%s"],
                    "temperature": [1.0, 2.0], "ratio": [1.0, 2.0]}}
            """
                .formatted(time));
    assertThat(push.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(push.body()).get("message").asText())
        .contains(
            "df.event_timestamp[1] is "
                + time.replace(' ', 'T')
                + "Z, outside the times accepted, 2000-01-01T00:00:00Z to 2030-01-01T00:00:00Z"
                + " (freshet.serving.earliest-timestamp, freshet.serving.latest-timestamp)");
    JsonNode read =
        JSON.readTree(
            post(
                    "/get-online-features",
                    """
                    {"features": ["sensor_readings:temperature"], "entities": {"sensor_id": [6]}}
                    """)
                .body());
    assertThat(read.get("results").get(1).get("statuses").toString()).isEqualTo("[\"NOT_FOUND\"]");
  }

  @Test
  void theConfiguredBoundsThemselvesAreAccepted() throws Exception {
    HttpResponse<String> push =
        post(
            "/push",
            """
            {"push_source_name": "readings_push",
             "df": {"sensor_id": [7, 8], "event_timestamp": ["2000-01-01 00:00:00", "2030-01-01 00:00:00"],
                    "temperature": [1.0, 2.0], "ratio": [1.0, 2.0]}}
            """);
    assertThat(push.statusCode()).as(push.body()).isEqualTo(200);
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The rows of the source's file and of the files pushed beside it, as "sensor_id temperature
   * ratio", by sensor.
   */
  private static List<String> offlineRows(String source) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        ResultSet result =
            sql.executeQuery(
                "SELECT sensor_id, temperature, ratio FROM read_parquet('"
                    + repo.resolve(source)
                    + "*.parquet') ORDER BY sensor_id")) {
      while (result.next()) {
        rows.add(result.getLong(1) + " " + result.getDouble(2) + " " + result.getFloat(3));
      }
    }
    return rows;
  }

  /** Two push sources over Parquet files, each feeding one view: one accepting, one not. */
  @Factory
  @Requires(property = ENABLED, value = "true")
  static class Definitions {
    @Singleton
    @Replaces(value = FeatureRegistry.class, factory = RegistryFactory.class)
    FeatureRegistry registry() {
      return new TestRegistry(
          List.of(
              file("readings"), push("readings_push", "readings"),
              file("strict"), push("strict_push", "strict")),
          List.of(
              view("sensor_readings", "readings_push", true),
              view("strict_readings", "strict_push", false)));
    }

    private static FileSourceSpec file(String name) {
      return FileSourceSpec.builder(name)
          .path(name + ".parquet")
          .timestampField("event_timestamp")
          .build();
    }

    private static PushSourceSpec push(String name, String batch) {
      return PushSourceSpec.builder(name).batchSource(batch).build();
    }

    private static FeatureViewSpec view(String name, String source, boolean acceptsNonFinite) {
      return FeatureViewSpec.builder(name)
          .entities("sensor")
          .joinKey("sensor_id", ValueType.INT64)
          .source(source)
          .feature("temperature", ValueType.DOUBLE)
          .feature("ratio", ValueType.FLOAT)
          .acceptsNonFinite(acceptsNonFinite)
          .build();
    }
  }
}
