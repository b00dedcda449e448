package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.runtime.historical.HistoricalRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training data of {@code model_v3}: {@code transformed_conv_rate} computed over the point-in-time
 * joined {@code driver_hourly_stats}, with {@code val_to_add} taken from the entity rows, from the
 * command line and from the typed client. Expected values come from a join computed here over every
 * row of the file, plus the row's value.
 */
class OnDemandTrainingDataTest {
  private static final String ENTITIES =
      "driver_id,event_timestamp,val_to_add\n"
          + "1001,2021-04-12 10:59:42,1000\n"
          + "1002,2021-04-12 08:12:10,-1\n"
          + "1003,2021-04-12 16:40:26,0\n"
          + "1001,2021-01-01 00:00:00,5\n";

  private static final List<Long> DRIVERS = List.of(1001L, 1002L, 1003L, 1001L);
  private static final List<Long> VALUES = List.of(1000L, -1L, 0L, 5L);
  private static final List<Instant> TIMES =
      List.of(
          Instant.parse("2021-04-12T10:59:42Z"),
          Instant.parse("2021-04-12T08:12:10Z"),
          Instant.parse("2021-04-12T16:40:26Z"),
          Instant.parse("2021-01-01T00:00:00Z"));

  @TempDir Path root;
  Path repo;
  List<DriverStats.Row> stats;

  @BeforeEach
  void repository() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    Files.writeString(repo.resolve("entities.csv"), ENTITIES);
    stats = DriverStats.all(repo.resolve("data/driver_stats.parquet"));
  }

  @Test
  void theCommandComputesTheOnDemandViewOverThePointInTimeJoin() throws Exception {
    Path out = repo.resolve("training.csv");
    Cli.Result result =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "get-historical-features",
            "--entities",
            repo.resolve("entities.csv").toString(),
            "--feature-service",
            "model_v3",
            "--out",
            out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0))
        .isEqualTo(
            "driver_id,event_timestamp,val_to_add,conv_rate,conv_rate_plus_val1,conv_rate_plus_val2");
    // The number: conv_rate 0.521149 at 2021-04-12 10:59:42, plus 1000.
    DriverStats.Row first = DriverStats.asOf(stats, 1001, TIMES.get(0));
    assertThat((double) first.convRate())
        .isCloseTo(0.521149, org.assertj.core.api.Assertions.within(1e-6));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      DriverStats.Row row = DriverStats.asOf(stats, DRIVERS.get(i), TIMES.get(i));
      expected.add(
          String.join(
              ",",
              String.valueOf(DRIVERS.get(i)),
              ENTITIES.split("\n")[i + 1].split(",")[1],
              String.valueOf(VALUES.get(i)),
              String.valueOf(row.convRate()),
              String.valueOf((double) row.convRate() + VALUES.get(i)),
              String.valueOf((double) row.accRate() + VALUES.get(i))));
    }
    // Before the file's first hour the view has no row: its features and the outputs are empty.
    expected.add("1001,2021-01-01 00:00:00,5,,,");
    assertThat(lines.subList(1, lines.size())).isEqualTo(expected);
  }

  @Test
  void theTypedClientsTrainingRowsTakeTheRequestValuePerRow() {
    List<ModelV3Client.Row> rows = new ArrayList<>();
    for (int i = 0; i < DRIVERS.size(); i++) {
      rows.add(new ModelV3Client.Row(DRIVERS.get(i), VALUES.get(i)));
    }
    List<ModelV3TrainingRow> training =
        ModelV3Client.trainingRows(HistoricalFeatures.open(repo), rows, TIMES);

    assertThat(training).hasSize(4);
    for (int i = 0; i < 3; i++) {
      DriverStats.Row row = DriverStats.asOf(stats, DRIVERS.get(i), TIMES.get(i));
      assertThat(training.get(i).driverId()).isEqualTo(DRIVERS.get(i));
      assertThat(training.get(i).convRate()).isEqualTo(row.convRate());
      assertThat(training.get(i).convRatePlusVal1())
          .isEqualTo((double) row.convRate() + VALUES.get(i));
      assertThat(training.get(i).convRatePlusVal2())
          .isEqualTo((double) row.accRate() + VALUES.get(i));
    }
    assertThat(training.get(0).convRatePlusVal1()).isCloseTo(1000.521149, within(1e-6));
    assertThat(training.get(3).convRatePlusVal1()).isNull();
  }

  @Test
  void entityRowsWithoutTheRequestFieldOrWithAWrongValueAreRefusedByName() throws Exception {
    Files.writeString(
        repo.resolve("no-value.csv"), "driver_id,event_timestamp\n1001,2021-04-12 10:59:42\n");
    Cli.Result missing =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "get-historical-features",
            "--entities",
            repo.resolve("no-value.csv").toString(),
            "--feature-service",
            "model_v3",
            "--out",
            repo.resolve("out.csv").toString());
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err())
        .contains(
            "the entity rows have no 'val_to_add' column, a request field that on-demand feature"
                + " view 'transformed_conv_rate' computes with");
    assertThat(repo.resolve("out.csv")).doesNotExist();

    Files.writeString(
        repo.resolve("bad-value.csv"),
        "driver_id,event_timestamp,val_to_add\n1001,2021-04-12 10:59:42,many\n");
    Cli.Result bad =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "get-historical-features",
            "--entities",
            repo.resolve("bad-value.csv").toString(),
            "--features",
            "transformed_conv_rate:conv_rate_plus_val1",
            "--out",
            repo.resolve("out.csv").toString());
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err())
        .contains("1 entity rows have a value of 'val_to_add' (VARCHAR) that is not a INT64");
    assertThat(repo.resolve("out.csv")).doesNotExist();

    assertThatThrownBy(
            () ->
                HistoricalFeatures.open(repo)
                    .features(List.of("transformed_conv_rate:conv_rate_plus_val3"), false))
        .isInstanceOf(HistoricalRequestException.class)
        .hasMessageContaining("has no feature 'conv_rate_plus_val3'; did you mean");
  }
}
