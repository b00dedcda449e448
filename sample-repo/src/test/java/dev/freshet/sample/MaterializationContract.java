package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply and materialization through the jar's command line, over a copy of the sample's data,
 * against each real online store.
 */
abstract class MaterializationContract {
  @TempDir Path root;
  Path repo;

  /** Configuration selecting the store under test. */
  abstract Map<String, String> storeProperties();

  /** The store under test, opened after the command line has closed it. */
  abstract OnlineStore openStore();

  @BeforeEach
  void copyRepository() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
  }

  Cli.Result run(String... args) {
    Map<String, String> properties = new HashMap<>(storeProperties());
    properties.put("freshet.repo-path", repo.toString());
    return Cli.run(properties, args);
  }

  List<StoredRow> readHourly(Long... drivers) {
    try (OnlineStore store = openStore()) {
      return store
          .read(
              List.of(
                  new ViewRead(
                      FreshetRegistry.VIEW_DRIVER_HOURLY_STATS,
                      List.of("conv_rate", "acc_rate", "miles_driven"),
                      java.util.Arrays.stream(drivers).map(d -> List.<Object>of(d)).toList())))
          .get(0);
    }
  }

  @Test
  void applyThenMaterializeIncrementalStoresTheLatestRowOfEveryDriver() throws Exception {
    Cli.Result apply = run("apply");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out())
        .contains("Created entity driver\n")
        .contains("Created feature view driver_hourly_stats\n")
        .contains("Created feature service model_v2\n");

    Cli.Result materialize = run("materialize-incremental", "2022-03-15");
    assertThat(materialize.exitCode()).as(materialize.err()).isZero();
    assertThat(materialize.out())
        .contains("driver_hourly_stats: 1,807 rows read")
        .contains("5 entities written, 0 skipped as older");

    List<StoredRow> rows = readHourly(1001L, 1002L, 1003L, 1004L, 1005L, 9999L);
    assertThat(rows.get(0))
        .isEqualTo(
            new StoredRow(
                Instant.parse("2022-03-14T14:00:00Z"),
                List.of(0.40458846f, 0.40757075f, (float) 46.53329195929919)));
    Map<Long, DriverStats.Row> expected =
        DriverStats.latestPerDriver(repo.resolve("data/driver_stats.parquet"));
    assertThat(expected).hasSize(5);
    for (int i = 0; i < 5; i++) {
      DriverStats.Row row = expected.get(1001L + i);
      assertThat(rows.get(i))
          .isEqualTo(
              new StoredRow(
                  row.eventTimestamp(),
                  List.of(row.convRate(), row.accRate(), (float) row.milesDriven())));
    }
    assertThat(rows.get(5).found()).isFalse();
  }

  @Test
  void aSecondIncrementalRunReadsOnlyTheNewWindow() throws Exception {
    run("apply");
    assertThat(run("materialize-incremental", "2022-03-15").exitCode()).isZero();
    appendRow(1001, "2022-03-15 10:00:00+00", 0.99f);

    Cli.Result second = run("materialize-incremental", "2022-03-16T00:00:00");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out())
        .contains(
            "driver_hourly_stats: 1 rows read from 2022-03-15T00:00:00Z to 2022-03-16T00:00:00Z, 1 entities written");
    assertThat(readHourly(1001L).get(0))
        .isEqualTo(
            new StoredRow(Instant.parse("2022-03-15T10:00:00Z"), List.of(0.99f, 0.5f, 1.0f)));
  }

  @Test
  void anOlderRangeNeverOverwritesNewerValues() {
    run("apply");
    run("materialize", "2022-01-01", "2022-03-15");

    Cli.Result older = run("materialize", "2021-01-01", "2021-06-01");

    assertThat(older.exitCode()).as(older.err()).isZero();
    assertThat(older.out()).contains("0 entities written, 5 skipped as older");
    assertThat(readHourly(1001L).get(0).eventTimestamp())
        .isEqualTo(Instant.parse("2022-03-14T14:00:00Z"));
  }

  @Test
  void aColumnOfTheWrongTypeFailsBeforeAnythingIsWritten() throws Exception {
    run("apply");
    Path parquet = repo.resolve("data/driver_stats.parquet");
    rewrite(
        parquet,
        "SELECT * REPLACE (CAST(conv_rate AS VARCHAR) AS conv_rate) FROM read_parquet('%s')");

    Cli.Result result = run("materialize-incremental", "2022-03-15");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + parquet
                + ": column 'conv_rate' has type VARCHAR, expected FLOAT (FLOAT32)\n");
    assertThat(readHourly(1001L).get(0).found()).isFalse();
    assertNothingStoredForDaily();
  }

  @Test
  void aFileThatIsNotParquetFailsWithAClearErrorAndWritesNothing() throws Exception {
    run("apply");
    Path parquet = repo.resolve("data/driver_stats.parquet");
    Files.writeString(parquet, "driver_id,conv_rate\n1001,0.5\n");

    Cli.Result result = run("materialize-incremental", "2022-03-15");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: cannot read Parquet at " + parquet + ": ");
    assertThat(result.err()).doesNotContain("\tat ");
    assertThat(readHourly(1001L).get(0).found()).isFalse();
  }

  @Test
  void materializingDefinitionsThatWereNeverAppliedNamesTheRegistryAndTheRepository() {
    Cli.Result result = run("materialize-incremental", "2022-03-15");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: no definitions are applied in the registry (file "
                + repo.resolve("data/registry.json").toAbsolutePath().normalize()
                + ") of the repository at "
                + repo.toAbsolutePath().normalize()
                + ": run apply there first, or run from the repository's directory (or set"
                + " freshet.repo-path)\n");
  }

  @Test
  void materializingAChangedDefinitionBeforeApplyingItIsRefused() throws Exception {
    assertThat(run("apply").exitCode()).isZero();
    Path registry = repo.resolve("data/registry.json");
    Files.writeString(
        registry, Files.readString(registry).replace("\"conv_rate\"", "\"conv_rate_old\""));

    Cli.Result result = run("materialize-incremental", "2022-03-15");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("error: this jar's definitions are not applied to the registry (file ")
        .contains("Update feature view driver_hourly_stats")
        .endsWith("; run apply first\n");
  }

  private void assertNothingStoredForDaily() {
    try (OnlineStore store = openStore()) {
      StoredRow row =
          store
              .read(
                  List.of(
                      new ViewRead(
                          FreshetRegistry.VIEW_DRIVER_DAILY_FEATURES,
                          List.of("daily_miles_driven"),
                          List.of(List.of(1001L)))))
              .get(0)
              .get(0);
      assertThat(row.found()).isFalse();
    }
  }

  /** Adds a row for {@code driver} at {@code at} to the repository's data file. */
  private void appendRow(long driver, String at, float convRate) throws Exception {
    rewrite(
        repo.resolve("data/driver_stats.parquet"),
        "SELECT * FROM read_parquet('%s') UNION ALL SELECT TIMESTAMPTZ '"
            + at
            + "', "
            + driver
            + ", "
            + convRate
            + "::FLOAT, 0.5::FLOAT, TIMESTAMP '2022-03-15 11:00:00', DATE '2022-03-15', 1.0, 2.0, 0");
  }

  private static void rewrite(Path parquet, String selectFromOld) throws Exception {
    Path old = parquet.resolveSibling("old.parquet.bak");
    Files.move(parquet, old);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (" + String.format(selectFromOld, old) + ") TO '" + parquet + "' (FORMAT PARQUET)");
    }
    Files.delete(old);
  }
}
