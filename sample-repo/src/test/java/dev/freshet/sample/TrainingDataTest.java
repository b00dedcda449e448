package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.freshet.runtime.historical.HistoricalFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workshop's training data fetch, from the command line and from the generated typed client,
 * checked against the workshop's numbers and against a brute-force join of every row of the file.
 */
class TrainingDataTest {
  /** The workshop's entity rows; a label column rides along. */
  static final String WORKSHOP_ENTITIES =
      "driver_id,event_timestamp,label\n"
          + "1001,2021-04-12 10:59:42,1\n"
          + "1002,2021-04-12 08:12:10,0\n"
          + "1003,2021-04-12 16:40:26,1\n"
          + "1004,2021-04-12 15:01:12,0\n";

  static final List<Long> DRIVERS = List.of(1001L, 1002L, 1003L, 1004L);
  static final List<Instant> TIMES =
      List.of(
          Instant.parse("2021-04-12T10:59:42Z"),
          Instant.parse("2021-04-12T08:12:10Z"),
          Instant.parse("2021-04-12T16:40:26Z"),
          Instant.parse("2021-04-12T15:01:12Z"));

  @TempDir Path root;
  Path repo;
  List<DriverStats.Row> stats;

  @BeforeEach
  void repository() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    Files.writeString(repo.resolve("entities.csv"), WORKSHOP_ENTITIES);
    stats = DriverStats.all(repo.resolve("data/driver_stats.parquet"));
  }

  @Test
  void theCommandWritesTheWorkshopTrainingData() throws Exception {
    Path out = repo.resolve("training.parquet");
    Cli.Result result =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "get-historical-features",
            "--entities",
            repo.resolve("entities.csv").toString(),
            "--features",
            "driver_hourly_stats:conv_rate,driver_hourly_stats:acc_rate,driver_daily_features:daily_miles_driven",
            "--out",
            out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("wrote 4 rows with 3 features to " + out);
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT driver_id, label, conv_rate, acc_rate, daily_miles_driven FROM read_parquet('"
                    + out
                    + "')")) {
      while (r.next()) {
        rows.add(List.of(r.getLong(1), r.getLong(2), r.getFloat(3), r.getFloat(4), r.getFloat(5)));
      }
    }
    // The workshop's numbers, to float precision.
    assertThat((float) rows.get(0).get(2)).isCloseTo(0.521149f, within(1e-6f));
    assertThat((float) rows.get(0).get(3)).isCloseTo(0.751659f, within(1e-6f));
    assertThat((float) rows.get(0).get(4)).isCloseTo(18.926695f, within(1e-5f));
    // Every row, exactly, against a join computed here over every row of the file.
    List<List<Object>> expected = new ArrayList<>();
    long[] labels = {1, 0, 1, 0};
    for (int i = 0; i < DRIVERS.size(); i++) {
      DriverStats.Row row = DriverStats.asOf(stats, DRIVERS.get(i), TIMES.get(i));
      expected.add(
          List.of(
              DRIVERS.get(i),
              labels[i],
              row.convRate(),
              row.accRate(),
              (float) row.dailyMilesDriven()));
    }
    assertThat(rows).isEqualTo(expected);
  }

  @Test
  void aFeatureServiceWithFullNamesGoesToCsv() throws Exception {
    Path out = repo.resolve("training.csv");
    Cli.Result result =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "get-historical-features",
            "--entities",
            repo.resolve("entities.csv").toString(),
            "--feature-service",
            "model_v1",
            "--full-feature-names",
            "--out",
            out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0))
        .isEqualTo("driver_id,event_timestamp,label,driver_hourly_stats__conv_rate");
    assertThat(lines.get(1))
        .isEqualTo(
            "1001,2021-04-12 10:59:42,1," + DriverStats.asOf(stats, 1001, TIMES.get(0)).convRate());
  }

  @Test
  void mistakesOnTheCommandLineAreOneLine() {
    Cli.Result result =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "get-historical-features",
            "--entities",
            repo.resolve("entities.csv").toString(),
            "--features",
            "driver_hourly_stats:conv_rat",
            "--out",
            repo.resolve("never.parquet").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: feature view 'driver_hourly_stats' has no feature 'conv_rat'; did you mean 'conv_rate'?\n");
    assertThat(repo.resolve("never.parquet")).doesNotExist();
  }

  @Test
  void theTypedClientReturnsTrainingRows() {
    List<ModelV2TrainingRow> rows =
        ModelV2Client.trainingRows(HistoricalFeatures.open(repo), DRIVERS, TIMES);

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).convRate()).isCloseTo(0.521149f, within(1e-6f));
    assertThat(rows.get(0).accRate()).isCloseTo(0.751659f, within(1e-6f));
    for (int i = 0; i < DRIVERS.size(); i++) {
      DriverStats.Row row = DriverStats.asOf(stats, DRIVERS.get(i), TIMES.get(i));
      assertThat(rows.get(i))
          .isEqualTo(
              new ModelV2TrainingRow(
                  DRIVERS.get(i),
                  TIMES.get(i),
                  row.convRate(),
                  row.accRate(),
                  (float) row.milesDriven()));
    }
    // Before the file's first row there is nothing to train on.
    assertThat(
            ModelV2Client.trainingRows(
                HistoricalFeatures.open(repo),
                List.of(1001L),
                List.of(Instant.parse("2000-01-01T00:00:00Z"))))
        .containsExactly(
            new ModelV2TrainingRow(1001L, Instant.parse("2000-01-01T00:00:00Z"), null, null, null));
  }
}
