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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code consistency} on the logs of a real served session of {@code model_v3}: everything agrees;
 * then a push to the offline store changes what retrieval rebuilds, and the report finds exactly
 * the rows it changed, with the cause.
 */
class ConsistencyReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FEATURES = {
    "driver_hourly_stats__conv_rate",
    "transformed_conv_rate__conv_rate_plus_val1",
    "transformed_conv_rate__conv_rate_plus_val2"
  };

  @TempDir Path root;
  Path repo;
  Path logs;

  @BeforeEach
  void servedSession() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    logs = repo.resolve("data/feature_logs/model_v3");
    try (FeatureServer server =
        start(Map.of("freshet.feature-logging.model_v3.roll-interval", "1h"))) {
      served(
          server,
          "{\"feature_service\": \"model_v3\","
              + " \"entities\": {\"driver_id\": [1001, 1002, 9999], \"val_to_add\": [1000, 2, 3]}}");
      served(
          server,
          "{\"feature_service\": \"model_v3\","
              + " \"entities\": {\"driver_id\": [1003], \"val_to_add\": [-1]}}");
    } // closing the server writes the log
  }

  @Test
  void theLogsOfAServedSessionAgreeWithTheRebuiltRows() throws Exception {
    Path out = root.resolve("report.json");
    Cli.Result result = consistency("--out", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith(
            "feature service model_v3: 4 logged rows rebuilt by point-in-time retrieval at their"
                + " request's time; tolerance 1.0E-6\n");
    for (String feature : FEATURES) {
      assertThat(result.out()).containsPattern(feature + " +4 +100\\.00% +100\\.00% +0 +0 +none\n");
    }
    JsonNode report = JSON.readTree(out.toFile());
    assertThat(report.get("logged_rows").asLong()).isEqualTo(4);
    assertThat(report.get("features")).hasSize(3);
    for (JsonNode feature : report.get("features")) {
      assertThat(feature.get("compared").asLong()).isEqualTo(4);
      assertThat(feature.get("exact").asLong()).isEqualTo(4);
      assertThat(feature.get("worst")).isEmpty();
    }
  }

  @Test
  void aPushAfterTheRequestIsFoundRowByRowAndExplained() throws Exception {
    // A row for driver 1002 newer than the one it was served (2022-03-14 14:00), older than the
    // request: retrieval as of the request's time now takes it.
    push("1002", "2023-01-01 00:00:00", "2023-01-01 00:00:00", 0.125);
    Path out = root.resolve("report.json");

    Cli.Result result = consistency("--out", out.toString());
    // Expected (a newer row offline), so the gate passes unless it is strict.
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .containsPattern(
            "driver_hourly_stats__conv_rate +4 +75\\.00% +75\\.00% +0 +0 +newer row offline 1\n")
        .contains(
            "worst rows of driver_hourly_stats__conv_rate:\n  {driver_id=1002, val_to_add=2} at ")
        .contains("rebuilt 0.125 (newer row offline)");
    JsonNode report = JSON.readTree(out.toFile());
    for (JsonNode feature : report.get("features")) {
      assertThat(feature.get("exact").asLong()).isEqualTo(3);
      assertThat(feature.get("differing_by_cause").get("newer_offline").asLong()).isEqualTo(1);
      assertThat(feature.get("differing_by_cause").get("unexplained").asLong()).isZero();
      assertThat(feature.get("worst")).hasSize(1);
      assertThat(feature.get("worst").get(0).get("entity").get("driver_id").asLong())
          .isEqualTo(1002);
    }
    JsonNode plusVal1 = report.get("features").get(1).get("worst").get(0);
    assertThat(plusVal1.get("rebuilt").asDouble()).isEqualTo((double) 0.125f + 2);

    Cli.Result strict = consistency("--strict");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.err())
        .isEqualTo(
            "agreement below 1.0 (strict): driver_hourly_stats__conv_rate (0.7500),"
                + " transformed_conv_rate__conv_rate_plus_val1 (0.7500),"
                + " transformed_conv_rate__conv_rate_plus_val2 (0.7500)\n");
  }

  @Test
  void aRowRewrittenWithItsOwnEventTimeIsUnexplainedAndFailsTheGate() throws Exception {
    // The same event time as served, a later created time: the served row itself changed.
    push("1003", "2022-03-14 14:00:00", "2030-01-01 00:00:00", 0.5);

    Cli.Result result = consistency();
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .containsPattern(
            "driver_hourly_stats__conv_rate +4 +75\\.00% +75\\.00% +0 +0 +unexplained 1\n")
        .contains("{driver_id=1003, val_to_add=-1} at ");
    assertThat(result.err())
        .startsWith("agreement below 1.0: driver_hourly_stats__conv_rate (0.7500)");

    assertThat(consistency("--min-match-rate", "0.75").exitCode()).isZero();
  }

  @Test
  void mistakesAreOneLineNamingThem() throws Exception {
    Cli.Result unknown =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "consistency",
            "--feature-service",
            "model_v4",
            "--logs",
            logs.toString());
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("feature service 'model_v4' does not exist; did you mean");

    Path empty = Files.createDirectories(root.resolve("empty"));
    Cli.Result none =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "consistency",
            "--feature-service",
            "model_v3",
            "--logs",
            empty.toString());
    assertThat(none.exitCode()).isNotZero();
    assertThat(none.err())
        .contains(empty + " holds no log files (*.parquet); the server writes them when")
        .doesNotContain("Exception");

    Cli.Result otherService =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "consistency",
            "--feature-service",
            "model_v2",
            "--logs",
            logs.toString());
    assertThat(otherService.exitCode()).isNotZero();
    assertThat(otherService.err()).contains("have no column 'driver_hourly_stats__acc_rate'");
  }

  private Cli.Result consistency(String... extra) {
    String[] args = new String[5 + extra.length];
    args[0] = "consistency";
    args[1] = "--feature-service";
    args[2] = "model_v3";
    args[3] = "--logs";
    args[4] = logs.toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return Cli.run(Map.of("freshet.repo-path", repo.toString()), args);
  }

  private void push(String driver, String eventTime, String created, double convRate)
      throws Exception {
    try (FeatureServer server = start(Map.of())) {
      Http.Response pushed =
          Http.post(
              server.url(),
              "/push",
              "{\"push_source_name\": \"driver_stats_push_source\", \"to\": \"offline\", \"df\": {"
                  + "\"driver_id\": ["
                  + driver
                  + "], \"event_timestamp\": [\""
                  + eventTime
                  + "\"], \"created\": [\""
                  + created
                  + "\"], \"conv_rate\": ["
                  + convRate
                  + "], \"acc_rate\": [0.5], \"miles_driven\": [10.0], \"daily_miles_driven\": [1.0]}}");
      assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }
  }

  private static void served(FeatureServer server, String request) throws Exception {
    Http.Response response = Http.post(server.url(), "/get-online-features", request);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private FeatureServer start(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", repo.toString());
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    return FeatureServer.start(
        properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }
}
