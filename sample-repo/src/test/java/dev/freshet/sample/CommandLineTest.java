package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands a user reaches for beside the server: online values in a table or as Feast's JSON,
 * from the store or from a running server; the definitions as JSON; shell completion; an example in
 * every command's help.
 */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private Path repo;
  private Map<String, String> here;

  @BeforeEach
  void materializedCopyOfTheSample() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    here = Map.of("freshet.repo-path", repo.toString());
    assertThat(Cli.run(here, "apply").exitCode()).isZero();
    assertThat(Cli.run(here, "materialize-incremental", "2022-03-15").exitCode()).isZero();
  }

  @Test
  void getOnlineFeaturesPrintsATableFromTheStore() {
    Cli.Result result =
        Cli.run(
            here,
            "get-online-features",
            "--feature-service",
            "model_v1",
            "--entity",
            "driver_id=1001,9999");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "driver_id  feature    value               status     event_timestamp\n"
                + "1001       conv_rate  0.4045884609222412  PRESENT    2022-03-14T14:00:00Z\n"
                + "9999       conv_rate  null                NOT_FOUND  1970-01-01T00:00:00Z\n");
  }

  @Test
  void getOnlineFeaturesAsJsonIsWhatTheServerAnswers() throws Exception {
    String request =
        "{\"features\": [\"driver_hourly_stats:conv_rate\", \"driver_hourly_stats:acc_rate\"],"
            + " \"entities\": {\"driver_id\": [\"1001\"]}, \"full_feature_names\": false}";
    Cli.Result local =
        Cli.run(
            here,
            "get-online-features",
            "--features",
            "driver_hourly_stats:conv_rate,driver_hourly_stats:acc_rate",
            "--entity",
            "driver_id=1001",
            "--json");
    assertThat(local.exitCode()).as(local.err()).isZero();

    try (FeatureServer server =
        FeatureServer.start(
            Map.of(
                "freshet.repo-path",
                repo.toString(),
                "micronaut.server.port",
                -1,
                "freshet.serving.read-token",
                "r-secret"),
            new PrintWriter(new StringWriter()),
            MaterializationProgress.SILENT)) {
      Http.Response served =
          Http.post(
              server.url(), "/get-online-features", request, "Authorization", "Bearer r-secret");
      assertThat(JSON.readTree(local.out())).isEqualTo(JSON.readTree(served.body()));

      Cli.Result remote =
          Cli.run(
              Map.of(),
              "get-online-features",
              "--server",
              server.url().toString(),
              "--token",
              "r-secret",
              "--features",
              "driver_hourly_stats:conv_rate,driver_hourly_stats:acc_rate",
              "--entity",
              "driver_id=1001");
      assertThat(remote.exitCode()).as(remote.err()).isZero();
      assertThat(remote.out())
          .contains("1001       conv_rate  0.4045884609222412  PRESENT  2022-03-14T14:00:00Z")
          .contains("1001       acc_rate   0.4075707495212555  PRESENT  2022-03-14T14:00:00Z");

      Cli.Result refused =
          Cli.run(
              Map.of(),
              "get-online-features",
              "--server",
              server.url().toString(),
              "--feature-service",
              "model_v1",
              "--entity",
              "driver_id=1001");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err())
          .isEqualTo(
              "error: "
                  + server.url().toString().replaceAll("/$", "")
                  + "/get-online-features answered 401: /get-online-features needs the header"
                  + " Authorization: Bearer <token>\n");
    }
  }

  @Test
  void listAsJsonIsTheGeneratedDescription() throws Exception {
    Cli.Result result = Cli.run(here, "list", "--json");

    assertThat(result.exitCode()).isZero();
    JsonNode definitions = JSON.readTree(result.out());
    assertThat(definitions.toString()).contains("\"driver_hourly_stats\"").contains("\"model_v1\"");
  }

  @Test
  void completionCompletesTheCommands() {
    Cli.Result result = Cli.run(here, "completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("complete -F _complete_freshet")
        .contains("get-online-features")
        .contains("materialize-incremental");
  }

  @Test
  void everyCommandsHelpHasAnExample() {
    for (String command :
        new String[] {
          "list",
          "plan",
          "apply",
          "materialize",
          "materialize-incremental",
          "get-online-features",
          "get-historical-features",
          "emit-events",
          "serve",
          "completion"
        }) {
      Cli.Result help = Cli.run(here, command, "--help");
      assertThat(help.exitCode()).as(command).isZero();
      assertThat(help.out()).as(command).containsPattern("Examples?:\\n  ");
    }
  }
}
