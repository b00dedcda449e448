package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo as the README runs it, {@code java -jar target/driver-features-demo.jar demo}, stopped
 * as a user stops it: sent SIGINT (Ctrl-C) or SIGTERM once it serves, it exits within 3 s, says
 * what it stopped, and leaves nothing in its temporary directory. (An integration test: it needs
 * the packaged jar.)
 */
class DemoSignalIT {
  private static final List<String> STEPS =
      List.of(
          "Stopping the demo:", " emitter", ", ingestion and server", ", broker", "Demo stopped:");

  @TempDir Path root;

  @ParameterizedTest(name = "SIG{0}")
  @ValueSource(strings = {"INT", "TERM"})
  void theDemoStopsWithinThreeSecondsOfASignal(String signal) throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    Path temporary = Files.createDirectories(root.resolve("tmp"));
    Path output = root.resolve("demo.out");
    int port = FreePorts.next();
    Process demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary,
                "-Dfreshet.repo-path=" + repo,
                "-jar",
                Path.of("target", "driver-features-demo.jar").toString(),
                "demo",
                "--port",
                Integer.toString(port),
                "--rate",
                "200")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      awaitStreaming(demo, output);
      Instant signalled = Instant.now();
      new ProcessBuilder("kill", "-" + signal, Long.toString(demo.pid())).start().waitFor();
      Map<String, Duration> stepsSeen = new LinkedHashMap<>();
      while (demo.isAlive() && Duration.between(signalled, Instant.now()).getSeconds() < 10) {
        noteSteps(Files.readString(output, StandardCharsets.UTF_8), signalled, stepsSeen);
        Thread.sleep(10);
      }
      Duration took = Duration.between(signalled, Instant.now());
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      noteSteps(printed, signalled, stepsSeen);
      String why = "steps seen after the signal: " + stepsSeen + "\n" + printed;

      System.out.println("SIG" + signal + ": the demo stopped in " + took + "; " + stepsSeen);
      assertThat(demo.isAlive()).as(why).isFalse();
      assertThat(took).as(why).isLessThanOrEqualTo(Duration.ofSeconds(3));
      assertThat(printed)
          .contains("Stopping the demo: emitter, ingestion and server, broker")
          .contains(
              "Demo stopped: broker, ingestion, emitter and server stopped, temporary data removed.");
      try (Stream<Path> left = Files.list(temporary)) {
        assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("freshet")))
            .isEmpty();
      }
    } finally {
      demo.destroyForcibly().waitFor();
    }
  }

  private static void noteSteps(String printed, Instant signalled, Map<String, Duration> seen) {
    for (String step : STEPS) {
      if (!seen.containsKey(step) && printed.contains(step)) {
        seen.put(step, Duration.between(signalled, Instant.now()));
      }
    }
  }

  /** Waits until the demo's walk-through follows the stream: everything it starts is running. */
  private static void awaitStreaming(Process demo, Path output) throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      if (printed.contains("[5/5]")
          && printed
              .lines()
              .anyMatch(l -> l.contains("daily_miles_driven") && l.contains(" as of "))) {
        return;
      }
      if (!demo.isAlive()) {
        throw new AssertionError("the demo exited before it served: " + printed);
      }
      StreamIngestionTest.sleep(250);
    }
    throw new AssertionError("the demo did not stream within 120 s: " + Files.readString(output));
  }
}
