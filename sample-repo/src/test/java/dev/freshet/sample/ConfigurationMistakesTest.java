package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A user's configuration mistakes, as the jar's command line meets them: exit code 1, one line on
 * standard error that names the key, the value and what it takes, no stack trace, and no file left
 * behind in the repository.
 */
class ConfigurationMistakesTest {
  @TempDir Path root;
  private Path repo;

  @BeforeEach
  void copySample() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "freshet.online-store.type | rdis | serve | freshet.online-store.type is 'rdis'; expected embedded or redis",
        "freshet.registry.type | sqll | list | freshet.registry.type is 'sqll'; expected file or sql",
        "freshet.online-store.redis.type | clustr | serve | freshet.online-store.redis.type is 'clustr'; expected standalone or cluster",
        "freshet.serving.max-entity-rows | abc | serve | freshet.serving.max-entity-rows is 'abc', which is not a whole number",
        "freshet.streaming.commit-interval | 1x | serve | freshet.streaming.commit-interval is '1x', which is not a duration; write e.g. 100ms, 30s, 5m, 1h or PT1M",
        "freshet.serving.role | reader | serve | freshet.serving.role is 'reader'; expected all, read, push or ingest",
        "freshet.serving.earliest-timestamp | soon | serve | freshet.serving.earliest-timestamp is 'soon', which is not a time; write ISO-8601 in UTC, e.g. 2000-01-01T00:00:00Z",
        "freshet.serving.latest-timestamp | 1600-01-01T00:00:00Z | serve | freshet.serving.earliest-timestamp (1678-01-01T00:00:00Z) is not before freshet.serving.latest-timestamp (1600-01-01T00:00:00Z)",
      })
  void aValueThatDoesNotReadIsOneLine(String key, String value, String command, String message)
      throws Exception {
    List<Path> before = files(repo);
    Cli.Result result = Cli.run(Map.of("freshet.repo-path", repo.toString(), key, value), command);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: " + message + "\n");
    assertThat(files(repo)).isEqualTo(before);
  }

  @Test
  void aPortInUseIsOneLineAndStartsNothing() throws Exception {
    List<Path> before = files(repo);
    try (ServerSocket taken = new ServerSocket(0)) {
      Cli.Result result =
          Cli.run(
              Map.of("freshet.repo-path", repo.toString()),
              "serve",
              "--port",
              Integer.toString(taken.getLocalPort()));

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo(
              "error: port "
                  + taken.getLocalPort()
                  + " is already in use: stop what listens there, or give another with --port\n");
      assertThat(result.out()).isEmpty();
    }
    assertThat(files(repo)).isEqualTo(before);
  }

  @Test
  void aGrpcPortInUseIsOneLineAndStartsNothing() throws Exception {
    List<Path> before = files(repo);
    try (ServerSocket taken = new ServerSocket(0)) {
      Cli.Result result =
          Cli.run(
              Map.of("freshet.repo-path", repo.toString(), "micronaut.server.port", "-1"),
              "serve",
              "--grpc-port",
              Integer.toString(taken.getLocalPort()));

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo(
              "error: gRPC port "
                  + taken.getLocalPort()
                  + " is already in use: stop what listens there, or give another with"
                  + " --grpc-port\n");
      assertThat(result.out()).isEmpty();
    }
    assertThat(files(repo)).isEqualTo(before);
  }

  @Test
  void servingADirectoryWithoutTheDataNamesItAndLeavesNothing() throws Exception {
    Path empty = Files.createDirectories(root.resolve("elsewhere"));
    Cli.Result result =
        Cli.run(
            Map.of("freshet.repo-path", empty.toString(), "micronaut.server.port", "-1"), "serve");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: ").contains(empty.resolve("data").toString());
    assertThat(result.err().lines()).hasSize(1);
    assertThat(files(empty)).isEmpty();
  }

  @Test
  void materializingFromTheWrongDirectoryNamesTheDirectoryItLookedAt() throws Exception {
    Path empty = Files.createDirectories(root.resolve("elsewhere"));
    Cli.Result result =
        Cli.run(Map.of("freshet.repo-path", empty.toString()), "materialize-incremental", "now");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: no definitions are applied in the registry (file "
                + empty.resolve("data/registry.json")
                + ") of the repository at "
                + empty
                + ": run apply there first, or run from the repository's directory (or set"
                + " freshet.repo-path)\n");
    assertThat(files(empty)).isEmpty();
  }

  private static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(p -> !p.equals(directory)).map(directory::relativize).sorted().toList();
    }
  }
}
