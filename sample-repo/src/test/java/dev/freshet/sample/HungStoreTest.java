package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.testing.RedisServerProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redis-server frozen with SIGSTOP, as a hung store: reads answer 503 within the read timeout
 * (100 ms) plus a margin instead of queueing behind each other on the event loops, endpoints that
 * do not touch the store answer at once, /health says DOWN as fast, and everything recovers once
 * Redis answers again.
 */
class HungStoreTest {
  private static final String READ =
      "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}";
  private static final Duration MARGIN = Duration.ofMillis(900);

  @TempDir Path root;
  private RedisServerProcess redis;
  private FeatureServer server;

  @BeforeEach
  void serveFromRedis() throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    redis = RedisServerProcess.start();
    Map<String, String> properties =
        Map.of(
            "freshet.repo-path", repo.toString(),
            "freshet.online-store.type", "redis",
            "freshet.online-store.redis.connection-string", redis.connectionString());
    assertThat(Cli.run(properties, "apply").exitCode()).isZero();
    assertThat(Cli.run(properties, "materialize-incremental", "2022-03-15").exitCode()).isZero();
    server =
        FeatureServer.start(
            Map.of(
                "freshet.repo-path",
                repo.toString(),
                "freshet.online-store.type",
                "redis",
                "freshet.online-store.redis.connection-string",
                redis.connectionString(),
                "micronaut.server.port",
                -1),
            new PrintWriter(new StringWriter()),
            MaterializationProgress.SILENT);
    assertThat(Http.post(server.url(), "/get-online-features", READ).status()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
    redis.close();
  }

  private record Timed(int status, String body, Duration took) {}

  private Timed timed(Callable<Http.Response> call) throws Exception {
    long started = System.nanoTime();
    Http.Response response = call.call();
    return new Timed(
        response.status(), response.body(), Duration.ofNanos(System.nanoTime() - started));
  }

  @Test
  void aHungStoreFailsReadsFastAndBlocksNothingElse() throws Exception {
    redis.pause();
    ExecutorService callers = Executors.newFixedThreadPool(20);
    try {
      List<Future<Timed>> reads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        reads.add(
            callers.submit(
                () -> timed(() -> Http.post(server.url(), "/get-online-features", READ))));
      }
      Future<Timed> metrics = callers.submit(() -> timed(() -> Http.get(server.url(), "/metrics")));
      Future<Timed> missing = callers.submit(() -> timed(() -> Http.get(server.url(), "/nothing")));
      for (Future<Timed> read : reads) {
        Timed answer = read.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.body()).contains("\"error\":\"OnlineStoreUnavailable\"");
        assertThat(answer.took()).isLessThan(Duration.ofMillis(100).plus(MARGIN));
      }
      assertThat(metrics.get().status()).isEqualTo(200);
      assertThat(metrics.get().took()).isLessThan(MARGIN);
      assertThat(missing.get().status()).isEqualTo(404);
      assertThat(missing.get().took()).isLessThan(MARGIN);

      Timed health = timed(() -> Http.get(server.url(), "/health"));
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.body()).contains("\"status\":\"DOWN\"");
      assertThat(health.took()).isLessThan(Duration.ofMillis(100).plus(MARGIN));
    } finally {
      callers.shutdownNow();
      redis.resume();
    }

    // Once Redis answers the probe again, reads are served again.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      status = Http.post(server.url(), "/get-online-features", READ).status();
      StreamIngestionTest.sleep(50);
    }
    assertThat(status).isEqualTo(200);
    assertThat(Http.get(server.url(), "/health").status()).isEqualTo(200);
  }
}
