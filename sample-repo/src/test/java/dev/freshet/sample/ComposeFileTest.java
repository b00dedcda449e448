package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.cli.FreshetCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The root {@code docker-compose.yml}, validated by {@code docker-compose config} (Debian's
 * docker-compose; no Docker engine is needed), and every Freshet service's command parsed by the
 * jar's own command line.
 */
class ComposeFileTest {
  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

  private static String compose(String... arguments) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(List.of("docker-compose", "-f", COMPOSE.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("docker-compose %s: %s", arguments, output).isZero();
    return output;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theComposeFileIsValidAndRunsTheProductionShape() throws Exception {
    Map<String, Object> config = new Yaml().load(compose("config"));
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) config.get("services");

    assertThat(services.keySet())
        .containsExactlyInAnyOrder(
            "kafka",
            "redis",
            "postgres",
            "apply",
            "materialize",
            "feature-server",
            "push-server",
            "ingest",
            "emitter",
            "spark-master",
            "spark-worker",
            "spark-materialize");
    assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:4.1.1");
    assertThat((List<String>) services.get("feature-server").get("command"))
        .containsExactly("serve", "--role", "read", "--port", "6566", "--grpc-port", "6570");
    // HTTP and gRPC, each published on its own number.
    assertThat(
            ((List<Map<String, Object>>) services.get("feature-server").get("ports"))
                .stream().map(port -> port.get("published") + ":" + port.get("target")))
        .containsExactly("6566:6566", "6570:6570");
    assertThat((List<String>) services.get("push-server").get("command"))
        .containsExactly("serve", "--role", "push", "--port", "6567");
    assertThat((List<String>) services.get("ingest").get("command"))
        .containsExactly("serve", "--role", "ingest", "--port", "6568");

    for (String name :
        List.of("apply", "materialize", "feature-server", "push-server", "ingest", "emitter")) {
      Map<String, Object> service = services.get(name);
      List<String> command = (List<String>) service.get("command");
      // The jar accepts the command line as written (parsed, not run).
      new CommandLine(FreshetCommand.class).parseArgs(command.toArray(String[]::new));
      Map<String, Object> environment = (Map<String, Object>) service.get("environment");
      assertThat(environment)
          .as(name)
          .containsEntry("FRESHET_ONLINE_STORE_TYPE", "redis")
          .containsEntry("FRESHET_REGISTRY_TYPE", "sql")
          .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
      assertThat(service).as(name).containsKey("depends_on");
    }

    // Spark only with --profile spark: the official image of the Spark the build uses, and the
    // same jar submitted to it with the same command line after the jar.
    for (String name : List.of("spark-master", "spark-worker", "spark-materialize")) {
      assertThat(services.get(name).get("image")).as(name).isEqualTo("apache/spark:4.2.0");
      assertThat((List<String>) services.get(name).get("profiles")).containsExactly("spark");
    }
    List<String> submit = (List<String>) services.get("spark-materialize").get("command");
    assertThat(submit.subList(0, 6))
        .containsExactly(
            "/opt/spark/bin/spark-submit",
            "--master",
            "spark://spark-master:7077",
            "--class",
            "dev.freshet.runtime.cli.FreshetMain",
            "/opt/freshet/driver-features.jar");
    new CommandLine(FreshetCommand.class)
        .parseArgs(submit.subList(6, submit.size()).toArray(String[]::new));
    assertThat(submit.subList(6, submit.size()))
        .containsExactly("materialize-incremental", "--engine", "spark", "now");
    assertThat((Map<String, Object>) services.get("spark-materialize").get("environment"))
        .containsEntry("FRESHET_ONLINE_STORE_TYPE", "redis")
        .containsEntry("FRESHET_REGISTRY_TYPE", "sql")
        .containsEntry("FRESHET_REPO_PATH", "/repo");
  }
}
