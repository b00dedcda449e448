package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.client.FeatureStatus;
import dev.freshet.client.FeatureValue;
import dev.freshet.runtime.cli.FreshetMain;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply, materialize and an online read on the embedded store, over a copy of the repository's
 * data in a temporary directory (the repository's own data/ is left as it is).
 *
 * <p>data/customer_stats.parquet holds five rows: customer 1001 with (3 orders, 41.5) at 2026-01-05
 * 10:00 and (4, 57.25) at 2026-01-06 10:00; 1002 with (1, 9.99) at 2026-01-05 12:30 and (0, 0.0) at
 * 2026-01-06 08:15; 1003 with (12, 310.8) at 2026-01-04 18:45, all UTC. The online store keeps the
 * latest row of each customer.
 */
class CustomerModelTest {
  @TempDir Path repo;

  @BeforeEach
  void copyData() throws Exception {
    Files.createDirectories(repo.resolve("data"));
    Files.copy(
        Path.of("data/customer_stats.parquet"), repo.resolve("data/customer_stats.parquet"));
    System.setProperty("freshet.repo-path", repo.toString());
  }

  @AfterEach
  void clearProperties() {
    System.clearProperty("freshet.repo-path");
  }

  @Test
  void theModelReadsTheLatestRowOfEachCustomer() {
    assertThat(FreshetMain.run("apply")).isZero();
    assertThat(FreshetMain.run("materialize", "2026-01-01", "2026-02-01")).isZero();

    Map<String, Object> properties =
        Map.of(
            "freshet.repo-path", repo.toString(),
            "micronaut.server.port", -1,
            "freshet.serving.bootstrap", false);
    try (FeatureServer server =
        FeatureServer.start(
            properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT)) {
      CustomerModelClient model = CustomerModelClient.over(server.inProcessTransport());

      List<CustomerModelValues> values = model.getAll(List.of(1001L, 1002L, 1003L, 9999L));

      assertThat(values.get(0).orders7d())
          .isEqualTo(
              new FeatureValue<>(
                  4L, FeatureStatus.PRESENT, Instant.parse("2026-01-06T10:00:00Z")));
      assertThat(values.get(0).spend7d().value()).isEqualTo(57.25);
      assertThat(values.get(1).orders7d().value()).isEqualTo(0L);
      assertThat(values.get(1).spend7d())
          .isEqualTo(
              new FeatureValue<>(
                  0.0, FeatureStatus.PRESENT, Instant.parse("2026-01-06T08:15:00Z")));
      assertThat(values.get(2).orders7d().value()).isEqualTo(12L);
      assertThat(values.get(2).spend7d().value()).isEqualTo(310.8);
      assertThat(values.get(3).orders7d().status()).isEqualTo(FeatureStatus.NOT_FOUND);
    }
  }
}
