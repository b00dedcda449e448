package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.demo.DemoMain;
import dev.freshet.testing.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo command, run for a bounded time as a user runs it: its feature server answers with the
 * materialized values and with a daily_miles_driven the stream updated, and it leaves no temporary
 * files and no threads behind.
 */
class DemoTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @Test
  void theDemoServesBatchAndStreamValuesAndCleansUp() throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    int port = FreePorts.next();
    Set<String> temporaryBefore = temporaries();
    Set<String> threadsBefore = threadNames();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    System.setProperty("freshet.repo-path", repo.toString());
    CompletableFuture<Integer> demo;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      demo =
          CompletableFuture.supplyAsync(
              () ->
                  DemoMain.run(
                      "demo",
                      "--duration",
                      "40s",
                      "--port",
                      Integer.toString(port),
                      "--rate",
                      "200"));

      URL server = new URL("http://localhost:" + port);
      JsonNode batch =
          await(
              server,
              "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}",
              column -> column.get("values").get(0).asDouble() == 0.4045884609222412);
      assertThat(batch.get("event_timestamps").get(0).asText()).isEqualTo("2022-03-14T14:00:00Z");
      JsonNode streamed =
          await(
              server,
              "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": [1001]}}",
              column ->
                  Instant.parse(column.get("event_timestamps").get(0).asText())
                      .isAfter(Instant.parse("2022-03-14T14:00:00Z")));
      assertThat(streamed.get("statuses").get(0).asText()).isEqualTo("PRESENT");

      assertThat(demo.get(90, TimeUnit.SECONDS)).isZero();
    } finally {
      System.setOut(originalOut);
      System.clearProperty("freshet.repo-path");
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("[1/5] Kafka: started a local broker (KRaft)")
        .contains("1001       2021-04-12T10:59:42Z     0.521149   0.751659           18.926695")
        .contains("conv_rate 0.4045884609222412 PRESENT as of 2022-03-14T14:00:00Z")
        .contains("try: curl -s -X POST http://localhost:" + port + "/get-online-features")
        .contains(
            "Demo stopped: broker, ingestion, emitter and server stopped, temporary data removed.");
    assertThat(temporaries()).isEqualTo(temporaryBefore);
    assertThat(Files.exists(repo.resolve("data/online_store"))).isFalse();
    // Kafka's, Kafka Streams', the emitter's and the server's threads are all gone.
    Set<String> left = threadNames();
    left.removeAll(threadsBefore);
    assertThat(
            left.stream()
                .filter(
                    name ->
                        name.matches("(?i).*(kafka|stream|freshet|emitter|event-loop|rocksdb).*")))
        .isEmpty();
  }

  private static JsonNode await(
      URL server, String request, java.util.function.Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        Http.Response response = Http.post(server, "/get-online-features", request);
        if (response.status() == 200) {
          last = JSON.readTree(response.body()).get("results").get(1);
          if (done.test(last)) {
            return last;
          }
        }
      } catch (Exception notYet) {
        // the demo is still starting
      }
      StreamIngestionTest.sleep(250);
    }
    throw new AssertionError("the demo did not serve it within 60 s; last: " + last);
  }

  private static Set<String> temporaries() throws Exception {
    try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return paths
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("freshet-demo") || name.startsWith("freshet-kafka"))
          .collect(Collectors.toSet());
    }
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }
}
