package dev.freshet.runtime.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.registry.RegistryFactory;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.EntitySpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.Materializer;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import dev.freshet.spec.ValueType;
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
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An on-demand view with {@code writeToOnlineStore}, through a real server on the embedded store: a
 * push of the view it reads also stores its outputs, served as stored features; a push whose
 * transform throws is refused whole, naming the view, and writes nothing. Training data computes
 * the same view, and a transform that throws there names the view and the entity row.
 */
class WriteTimeViewsTest {
  private static final String ENABLED = "freshet.test.write-time-registry";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path repo;
  private static FeatureServer server;

  @BeforeAll
  static void start() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      sql.execute(
          "COPY (SELECT * FROM (VALUES (1::BIGINT, TIMESTAMPTZ '2021-01-01 00:00:00+00', 20.0::DOUBLE),"
              + " (2::BIGINT, TIMESTAMPTZ '2021-01-01 00:00:00+00', -300.0::DOUBLE))"
              + " AS t(sensor_id, event_timestamp, celsius)) TO '"
              + repo.resolve("readings.parquet")
              + "' (FORMAT PARQUET)");
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
                true),
            new PrintWriter(new StringWriter()),
            MaterializationProgress.SILENT);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPushAlsoStoresTheComputedFeaturesWhichAreServedAsStored() throws Exception {
    HttpResponse<String> push =
        post(
            "/push",
            """
            {"push_source_name": "readings_push",
             "df": {"sensor_id": [10, 11], "event_timestamp": ["2021-04-12 10:00:00", "2021-04-12 11:00:00"],
                    "celsius": [21.5, -40.0]}}
            """);
    assertThat(push.statusCode()).as(push.body()).isEqualTo(200);

    JsonNode read =
        read(
            "{\"features\": [\"fahrenheit:fahrenheit\"], \"entities\": {\"sensor_id\": [10, 11, 12]}}");
    JsonNode fahrenheit = read.get("results").get(1);
    // 21.5 * 9 / 5 + 32 and -40 * 9 / 5 + 32, with the pushed rows' times; sensor 12 has none.
    assertThat(fahrenheit.get("values").toString())
        .isEqualTo("[" + (21.5 * 9 / 5 + 32) + "," + (-40.0 * 9 / 5 + 32) + ",null]");
    assertThat(fahrenheit.get("statuses").toString())
        .isEqualTo("[\"PRESENT\",\"PRESENT\",\"NOT_FOUND\"]");
    assertThat(fahrenheit.get("event_timestamps").toString())
        .isEqualTo("[\"2021-04-12T10:00:00Z\",\"2021-04-12T11:00:00Z\",\"1970-01-01T00:00:00Z\"]");
  }

  @Test
  void aPushWhoseTransformThrowsIsRefusedWholeAndWritesNothing() throws Exception {
    HttpResponse<String> push =
        post(
            "/push",
            """
            {"push_source_name": "readings_push",
             "df": {"sensor_id": [20, 21], "event_timestamp": ["2021-04-12 10:00:00", "2021-04-12 10:00:00"],
                    "celsius": [10.0, -300.0]}}
            """);
    assertThat(push.statusCode()).isEqualTo(422);
    JsonNode error = JSON.readTree(push.body());
    assertThat(error.get("code").asText()).isEqualTo("FRESHET-API-022");
    assertThat(error.get("message").asText())
        .isEqualTo(
            "the transform of on-demand feature view 'fahrenheit' threw IllegalArgumentException:"
                + " -300.0 is below absolute zero on row 1 (join keys [21], event time"
                + " 2021-04-12T10:00:00Z); nothing was written");
    JsonNode read =
        read(
            "{\"features\": [\"readings:celsius\", \"fahrenheit:fahrenheit\"],"
                + " \"entities\": {\"sensor_id\": [20, 21]}}");
    assertThat(read.get("results").get(1).get("statuses").toString())
        .isEqualTo("[\"NOT_FOUND\",\"NOT_FOUND\"]");
    assertThat(read.get("results").get(2).get("statuses").toString())
        .isEqualTo("[\"NOT_FOUND\",\"NOT_FOUND\"]");
  }

  @Test
  void trainingDataComputesItAndAThrowNamesTheViewAndTheEntityRow() throws Exception {
    HttpResponse<String> good =
        post(
            "/get-historical-features",
            """
            {"features": ["fahrenheit:fahrenheit"],
             "entities": {"sensor_id": [1], "event_timestamp": ["2021-02-01 00:00:00"]}}
            """);
    assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    assertThat(JSON.readTree(good.body()).get("columns").get("fahrenheit").toString())
        .isEqualTo("[" + (20.0 * 9 / 5 + 32) + "]");

    HttpResponse<String> bad =
        post(
            "/get-historical-features",
            """
            {"features": ["fahrenheit:fahrenheit"],
             "entities": {"sensor_id": [1, 2], "event_timestamp": ["2021-02-01 00:00:00", "2021-02-01 00:00:00"]}}
            """);
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(bad.body()).get("message").asText())
        .isEqualTo(
            "the transform of on-demand feature view 'fahrenheit' threw IllegalArgumentException:"
                + " -300.0 is below absolute zero on entity row 1 {sensor_id=2,"
                + " event_timestamp=2021-02-01T00:00:00Z}");
  }

  private static JsonNode read(String request) throws Exception {
    HttpResponse<String> response = post("/get-online-features", request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A push source over a Parquet file, its view, and a write-time view over that. */
  @Factory
  @Requires(property = ENABLED, value = "true")
  static class Definitions {
    private static final FileSourceSpec FILE =
        FileSourceSpec.builder("readings_file")
            .path("readings.parquet")
            .timestampField("event_timestamp")
            .build();
    private static final PushSourceSpec PUSH =
        PushSourceSpec.builder("readings_push").batchSource("readings_file").build();
    private static final FeatureViewSpec READINGS =
        FeatureViewSpec.builder("readings")
            .entities("sensor")
            .joinKey("sensor_id", ValueType.INT64)
            .source("readings_push")
            .feature("celsius", ValueType.DOUBLE)
            .build();
    private static final OnDemandFeatureViewSpec FAHRENHEIT =
        OnDemandFeatureViewSpec.builder("fahrenheit")
            .view("readings")
            .feature("fahrenheit", ValueType.DOUBLE)
            .transform(
                inputs -> {
                  double celsius = (Double) inputs.get(0).get(0);
                  if (celsius < -273.15) {
                    throw new IllegalArgumentException(celsius + " is below absolute zero");
                  }
                  return List.of(celsius * 9 / 5 + 32);
                })
            .writeToOnlineStore()
            .build();

    @Singleton
    @Replaces(value = FeatureRegistry.class, factory = RegistryFactory.class)
    FeatureRegistry registry() {
      return new FeatureRegistry() {
        @Override
        public List<EntitySpec> entities() {
          return List.of();
        }

        @Override
        public List<DataSourceSpec> dataSources() {
          return List.of(FILE, PUSH);
        }

        @Override
        public List<FeatureViewSpec> featureViews() {
          return List.of(READINGS);
        }

        @Override
        public List<StreamFeatureViewSpec> streamFeatureViews() {
          return List.of();
        }

        @Override
        public List<OnDemandFeatureViewSpec> onDemandFeatureViews() {
          return List.of(FAHRENHEIT);
        }

        @Override
        public List<FeatureServiceSpec> featureServices() {
          return List.of();
        }

        @Override
        public Optional<Materializer<? extends FeatureRow>> materializer(String featureView) {
          return Optional.empty();
        }
      };
    }
  }
}
