package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline side through the real server on the embedded store: historical retrieval over HTTP,
 * pushes to the offline store seen by retrieval and materialization, and logging of served
 * features.
 */
class OfflineServingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORKSHOP_REQUEST =
      "{\"features\": [\"driver_hourly_stats:conv_rate\", \"driver_hourly_stats:acc_rate\", \"driver_daily_features:daily_miles_driven\"],"
          + " \"entities\": {\"driver_id\": [1001, 1002, 1003, 1004], \"event_timestamp\": [\"2021-04-12 10:59:42\","
          + " \"2021-04-12T08:12:10Z\", \"2021-04-12T18:40:26+02:00\", \"2021-04-12 15:01:12\"], \"label\": [1, 0, 1, 0]}}";

  @TempDir Path root;
  Path repo;
  List<DriverStats.Row> stats;

  @BeforeEach
  void repository() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    stats = DriverStats.all(repo.resolve("data/driver_stats.parquet"));
  }

  private FeatureServer start(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", repo.toString());
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    return FeatureServer.start(
        properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }

  private static JsonNode json(Http.Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void historicalFeaturesOverHttpAreTheWorkshopNumbers() throws Exception {
    try (FeatureServer server = start(Map.of("freshet.serving.role", "READ"))) {
      JsonNode columns =
          json(Http.post(server.url(), "/get-historical-features", WORKSHOP_REQUEST))
              .get("columns");

      List<String> names = new ArrayList<>();
      columns.fieldNames().forEachRemaining(names::add);
      assertThat(names)
          .containsExactly(
              "driver_id",
              "event_timestamp",
              "label",
              "conv_rate",
              "acc_rate",
              "daily_miles_driven");
      assertThat(columns.get("event_timestamp").get(2).asText()).isEqualTo("2021-04-12T16:40:26Z");
      assertThat(columns.get("label").toString()).isEqualTo("[1,0,1,0]");
      Instant[] times = TrainingDataTest.TIMES.toArray(Instant[]::new);
      for (int i = 0; i < 4; i++) {
        DriverStats.Row row = DriverStats.asOf(stats, 1001 + i, times[i]);
        assertThat((float) columns.get("conv_rate").get(i).asDouble()).isEqualTo(row.convRate());
        assertThat((float) columns.get("acc_rate").get(i).asDouble()).isEqualTo(row.accRate());
        assertThat((float) columns.get("daily_miles_driven").get(i).asDouble())
            .isEqualTo((float) row.dailyMilesDriven());
      }
      assertThat(columns.get("conv_rate").get(0).asDouble()).isEqualTo((double) 0.52114904f);
      assertThat(columns.get("daily_miles_driven").get(0).asDouble())
          .isEqualTo((double) 18.926695f);
    }
  }

  @Test
  void historicalRequestsAreLimitedAndReadOnly() {
    try (FeatureServer push =
        start(Map.of("freshet.serving.role", "PUSH", "freshet.serving.bootstrap", false))) {
      Http.Response refused = Http.post(push.url(), "/get-historical-features", WORKSHOP_REQUEST);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body()).contains("this server has role push");
    }
    try (FeatureServer small =
        start(Map.of("freshet.serving.max-entity-rows", 3, "freshet.serving.bootstrap", false))) {
      Http.Response tooMany = Http.post(small.url(), "/get-historical-features", WORKSHOP_REQUEST);
      assertThat(tooMany.status()).isEqualTo(413);
      assertThat(tooMany.body())
          .contains("\"error\":\"TooManyRows\"")
          .contains("entities.driver_id has 4 rows, more than 3");
    }
  }

  private static String push(String to, String eventTimestamp, double convRate, double dailyMiles) {
    return "{\"push_source_name\": \"driver_stats_push_source\", \"to\": \""
        + to
        + "\", \"df\": {"
        + "\"driver_id\": [1001], \"event_timestamp\": [\""
        + eventTimestamp
        + "\"], \"created\": [\""
        + eventTimestamp
        + "\"],"
        + " \"conv_rate\": ["
        + convRate
        + "], \"acc_rate\": [0.5], \"miles_driven\": [10.0], \"daily_miles_driven\": ["
        + dailyMiles
        + "]}}";
  }

  private List<String> dataFiles() throws Exception {
    try (Stream<Path> files = Files.list(repo.resolve("data"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains("parquet"))
          .sorted()
          .toList();
    }
  }

  @Test
  void pushesToTheOfflineStoreAreSeenByRetrievalAndMaterialization() throws Exception {
    try (FeatureServer server = start(Map.of())) {
      // A push that fails validation leaves no file behind.
      Http.Response bad =
          Http.post(
              server.url(),
              "/push",
              push("offline", "2021-04-12 10:30:00", 0.125, 99.5).replace("[0.5]", "[\"half\"]"));
      assertThat(bad.status()).isEqualTo(422);
      assertThat(bad.body())
          .contains("df.acc_rate[0] is \\\"half\\\", which cannot be read as FLOAT");
      assertThat(dataFiles()).containsExactly("driver_stats.parquet");

      // Between the file's 10:00 row and the entity row's 10:59:42: the pushed row now wins.
      assertThat(
              Http.post(server.url(), "/push", push("offline", "2021-04-12 10:30:00", 0.125, 99.5))
                  .status())
          .isEqualTo(200);
      assertThat(dataFiles())
          .hasSize(2)
          .allMatch(
              n ->
                  n.equals("driver_stats.parquet")
                      || n.matches("driver_stats-pushed-\\d{8}T\\d{9}Z-[0-9a-f]{8}\\.parquet"));
      JsonNode columns =
          json(Http.post(server.url(), "/get-historical-features", WORKSHOP_REQUEST))
              .get("columns");
      assertThat(columns.get("conv_rate").get(0).asDouble()).isEqualTo(0.125);
      assertThat(columns.get("daily_miles_driven").get(0).asDouble()).isEqualTo(99.5);
      assertThat((float) columns.get("conv_rate").get(1).asDouble())
          .isEqualTo(DriverStats.asOf(stats, 1002, TrainingDataTest.TIMES.get(1)).convRate());

      // Offline only: not online until materialized.
      String read =
          "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [1001]}}";
      assertThat(
              Http.post(server.url(), "/push", push("offline", "2030-01-01 00:00:00", 0.75, 1.0))
                  .status())
          .isEqualTo(200);
      assertThat(json(Http.post(server.url(), "/get-online-features", read)).toString())
          .contains("\"2022-03-14T14:00:00Z\"");
      Http.Response materialized =
          Http.post(
              server.url(), "/materialize-incremental", "{\"end_ts\": \"2031-01-01T00:00:00\"}");
      assertThat(materialized.status()).as(materialized.body()).isEqualTo(200);
      assertThat(
              json(Http.post(server.url(), "/get-online-features", read))
                  .get("results")
                  .get(1)
                  .toString())
          .isEqualTo(
              "{\"values\":[0.75],\"statuses\":[\"PRESENT\"],\"event_timestamps\":[\"2030-01-01T00:00:00Z\"]}");

      // Both at once: online, the views over the push source see it at once.
      assertThat(
              Http.post(
                      server.url(),
                      "/push",
                      push("online_and_offline", "2031-06-01 00:00:00", 0.5, 2.0))
                  .status())
          .isEqualTo(200);
      String daily =
          "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": [1001]}}";
      assertThat(
              json(Http.post(server.url(), "/get-online-features", daily))
                  .get("results")
                  .get(1)
                  .toString())
          .isEqualTo(
              "{\"values\":[2.0],\"statuses\":[\"PRESENT\"],\"event_timestamps\":[\"2031-06-01T00:00:00Z\"]}");
      assertThat(dataFiles()).hasSize(4);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT count(*) FROM read_parquet('"
                      + repo.resolve("data")
                      + "/driver_stats-pushed-*.parquet')")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(3);
      }
    }
  }

  @Test
  void servedFeaturesAreLoggedToParquet() throws Exception {
    List<JsonNode> served = new ArrayList<>();
    try (FeatureServer server =
        start(Map.of("freshet.feature-logging.model_v1.roll-interval", "1h"))) {
      served.add(
          json(
              Http.post(
                  server.url(),
                  "/get-online-features",
                  "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001, 9999]}}")));
      served.add(
          json(
              Http.post(
                  server.url(),
                  "/get-online-features",
                  "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1002]}}")));
      // Another service and listed features are not logged.
      json(
          Http.post(
              server.url(),
              "/get-online-features",
              "{\"feature_service\": \"model_v2\", \"entities\": {\"driver_id\": [1003]}}"));
      json(
          Http.post(
              server.url(),
              "/get-online-features",
              "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [1004]}}"));
    } // closing the server writes what is buffered

    Path logs = repo.resolve("data/feature_logs/model_v1");
    List<String> rows = new ArrayList<>();
    List<String> requestIds = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT driver_id, driver_hourly_stats__conv_rate, driver_hourly_stats__conv_rate__timestamp,"
                    + " driver_hourly_stats__conv_rate__status, __log_date, __request_id FROM read_parquet('"
                    + logs
                    + "/*.parquet')"
                    + " ORDER BY __log_timestamp, driver_id")) {
      while (r.next()) {
        rows.add(
            r.getLong(1)
                + " "
                + r.getObject(2)
                + " "
                + r.getObject(3, OffsetDateTime.class).toInstant()
                + " "
                + r.getString(4));
        assertThat(r.getObject(5).toString())
            .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        requestIds.add(r.getString(6));
      }
    }
    JsonNode first = served.get(0).get("results").get(1);
    JsonNode second = served.get(1).get("results").get(1);
    assertThat(rows)
        .containsExactly(
            "1001 "
                + (float) first.get("values").get(0).asDouble()
                + " "
                + first.get("event_timestamps").get(0).asText()
                + " PRESENT",
            "9999 null 1970-01-01T00:00:00Z NOT_FOUND",
            "1002 "
                + (float) second.get("values").get(0).asDouble()
                + " "
                + second.get("event_timestamps").get(0).asText()
                + " PRESENT");
    assertThat(requestIds.get(0)).isEqualTo(requestIds.get(1)).isNotEqualTo(requestIds.get(2));
    assertThat(Files.list(repo.resolve("data/feature_logs"))).hasSize(1);
  }
}
