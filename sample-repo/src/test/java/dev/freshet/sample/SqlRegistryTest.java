package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL registry, against the PostgreSQL this machine runs (127.0.0.1:5432, trust
 * authentication; FRESHET_TEST_POSTGRES_URL overrides the server's URL). The test creates its own
 * database and drops it afterwards.
 */
class SqlRegistryTest {
  private static final String SERVER =
      System.getenv()
          .getOrDefault("FRESHET_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER =
      System.getenv().getOrDefault("FRESHET_TEST_POSTGRES_USER", "postgres");

  @TempDir Path root;
  Path repo;
  String database;

  @BeforeEach
  void createDatabase() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    database = "freshet_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
  }

  @AfterEach
  void dropDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private Cli.Result run(String... args) {
    return Cli.run(
        Map.of(
            "freshet.repo-path",
            repo.toString(),
            "freshet.registry.type",
            "sql",
            "freshet.registry.url",
            SERVER + database,
            "freshet.registry.username",
            USER),
        args);
  }

  @Test
  void applyAndMaterializationAreRecordedInPostgres() throws Exception {
    Cli.Result apply = run("apply");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Created feature view driver_hourly_stats\n");
    assertThat(run("apply").out()).startsWith("No changes to sql " + SERVER + database);

    assertThat(run("materialize-incremental", "2022-03-15").exitCode()).isZero();
    Cli.Result second = run("materialize-incremental", "2022-03-16");
    assertThat(second.out()).contains("driver_hourly_stats: 0 rows read from 2022-03-15T00:00:00Z");

    List<String> intervals = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(SERVER + database, USER, "");
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "SELECT feature_view, end_ts AT TIME ZONE 'UTC' FROM freshet_intervals WHERE project = 'driver_churn'"
                  + " ORDER BY feature_view, end_ts")) {
        while (r.next()) {
          intervals.add(r.getString(1) + " " + r.getString(2));
        }
      }
      try (ResultSet r =
          s.executeQuery("SELECT object_key FROM freshet_objects ORDER BY object_key")) {
        while (r.next()) {
          objects.add(r.getString(1));
        }
      }
    }
    assertThat(intervals)
        .containsExactly(
            "driver_daily_features 2022-03-15 00:00:00",
            "driver_daily_features 2022-03-16 00:00:00",
            "driver_hourly_stats 2022-03-15 00:00:00",
            "driver_hourly_stats 2022-03-16 00:00:00");
    assertThat(objects)
        .hasSize(12)
        .contains(
            "feature_view/driver_hourly_stats",
            "feature_service/model_v1",
            "on_demand_feature_view/transformed_conv_rate",
            "data_source/vals_to_add");
  }

  @Test
  void anUnreachableDatabaseIsAClearError() {
    Cli.Result result =
        Cli.run(
            Map.of(
                "freshet.repo-path", repo.toString(),
                "freshet.registry.type", "sql",
                "freshet.registry.url", "jdbc:postgresql://127.0.0.1:1/nowhere"),
            "plan");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "error: cannot use the registry at sql jdbc:postgresql://127.0.0.1:1/nowhere: ");
  }
}
