package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.testing.RedisServerProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled materialization in the real server: a view on a short schedule is materialized again
 * and again and picks up new source files; two servers sharing a PostgreSQL registry never run the
 * same view at the same time.
 */
class ScheduledMaterializationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVER =
      System.getenv()
          .getOrDefault("FRESHET_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER =
      System.getenv().getOrDefault("FRESHET_TEST_POSTGRES_USER", "postgres");

  @TempDir Path root;

  private static FeatureServer start(Path repo, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", repo.toString());
    properties.put("micronaut.server.port", -1);
    properties.put("freshet.scheduling.enabled", true);
    properties.put("freshet.scheduling.schedules.driver_hourly_stats", "1s");
    properties.putAll(extra);
    return FeatureServer.start(
        properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }

  private static List<JsonNode> runs(FeatureServer server) throws Exception {
    JsonNode schedules = JSON.readTree(Http.get(server.url(), "/schedules").body());
    assertThat(schedules.get("enabled").asBoolean()).isTrue();
    List<JsonNode> runs = new ArrayList<>();
    for (JsonNode view : schedules.get("views")) {
      if (view.get("view").asText().equals("driver_hourly_stats")) {
        assertThat(view.get("schedule").asText()).isEqualTo("every 1s");
        view.get("runs").forEach(runs::add);
      }
    }
    return runs;
  }

  @Test
  void aShortScheduleMaterializesAgainAndPicksUpNewFiles() throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    try (FeatureServer server = start(repo, Map.of())) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (runs(server).stream()
                  .filter(r -> r.get("outcome").asText().equals("succeeded"))
                  .count()
              < 2
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      assertThat(runs(server))
          .filteredOn(r -> r.get("outcome").asText().equals("succeeded"))
          .hasSizeGreaterThanOrEqualTo(2);

      // A new file beside the source (an offline push), with a row newer than the last run's end.
      Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
      String time = soon.toString().replace('T', ' ').replace("Z", "");
      Http.Response pushed =
          Http.post(
              server.url(),
              "/push",
              "{\"push_source_name\": \"driver_stats_push_source\", \"to\": \"offline\", \"df\": {\"driver_id\": [1001],"
                  + " \"event_timestamp\": [\""
                  + time
                  + "\"], \"created\": [\""
                  + time
                  + "\"], \"conv_rate\": [0.875],"
                  + " \"acc_rate\": [0.5], \"miles_driven\": [1.0], \"daily_miles_driven\": [2.0]}}");
      assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);

      String read =
          "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [1001]}}";
      deadline = Instant.now().plus(Duration.ofSeconds(30));
      String served = "";
      while (!served.contains("[0.875]") && Instant.now().isBefore(deadline)) {
        served = Http.post(server.url(), "/get-online-features", read).body();
        Thread.sleep(100);
      }
      assertThat(served)
          .contains(
              "{\"values\":[0.875],\"statuses\":[\"PRESENT\"],\"event_timestamps\":[\""
                  + soon
                  + "\"]}");
      assertThat(Http.get(server.url(), "/metrics").body())
          .containsPattern(
              "freshet_schedule_runs_total\\{outcome=\"succeeded\",view=\"driver_hourly_stats\"} [2-9]");
    }
  }

  @Test
  void twoServersSharingARegistryNeverRunAViewAtTheSameTime() throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    String database = "freshet_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      Map<String, Object> shared =
          Map.of(
              "freshet.registry.type",
              "sql",
              "freshet.registry.url",
              SERVER + database,
              "freshet.registry.username",
              USER,
              "freshet.online-store.type",
              "redis",
              "freshet.online-store.redis.connection-string",
              redis.connectionString());
      Cli.Result applied =
          Cli.run(
              Map.of(
                  "freshet.repo-path",
                  repo.toString(),
                  "freshet.registry.type",
                  "sql",
                  "freshet.registry.url",
                  SERVER + database,
                  "freshet.registry.username",
                  USER),
              "apply");
      assertThat(applied.exitCode()).as(applied.err()).isZero();
      List<JsonNode> runs = new ArrayList<>();
      try (FeatureServer first = start(repo, shared);
          FeatureServer second = start(repo, shared)) {
        Thread.sleep(8_000);
        runs.addAll(runs(first));
        runs.addAll(runs(second));
      }
      List<JsonNode> done =
          runs.stream()
              .filter(r -> r.get("outcome").asText().equals("succeeded"))
              .sorted(Comparator.comparing(r -> Instant.parse(r.get("started").asText())))
              .toList();
      assertThat(done).hasSizeGreaterThanOrEqualTo(3);
      for (int i = 1; i < done.size(); i++) {
        Instant previousEnd = Instant.parse(done.get(i - 1).get("finished").asText());
        Instant start = Instant.parse(done.get(i).get("started").asText());
        assertThat(start)
            .as("run %d starts after run %d ended", i, i - 1)
            .isAfterOrEqualTo(previousEnd);
      }
      assertThat(runs).allMatch(r -> !r.get("outcome").asText().equals("failed"), "no run failed");
    } finally {
      try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }
}
