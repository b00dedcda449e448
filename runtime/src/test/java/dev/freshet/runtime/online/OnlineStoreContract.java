package dev.freshet.runtime.online;

import static dev.freshet.runtime.online.TestRows.DAILY;
import static dev.freshet.runtime.online.TestRows.HOURLY;
import static dev.freshet.runtime.online.TestRows.daily;
import static dev.freshet.runtime.online.TestRows.hourly;
import static dev.freshet.runtime.online.TestRows.readDaily;
import static dev.freshet.runtime.online.TestRows.readHourly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every online store does, run against each real store by a subclass. */
abstract class OnlineStoreContract {

  /** The store under test, empty. */
  abstract OnlineStore store();

  @Test
  void writtenRowsReadBackWithTheirTimestamps() {
    OnlineStore store = store();
    WriteResult result =
        store.write(
            HOURLY,
            List.of(
                hourly(1001, "2022-03-14T14:00:00Z", 0.40458846f, 0.40757075f, "fast"),
                hourly(1002, "2022-03-14T13:00:00Z", 0.5f, 0.25f, null)));

    assertThat(result).isEqualTo(new WriteResult(2, 0));
    List<StoredRow> rows = store.read(List.of(readHourly(1001L, 9999L, 1002L, 1001L))).get(0);
    assertThat(rows.get(0))
        .isEqualTo(
            new StoredRow(
                Instant.parse("2022-03-14T14:00:00Z"), List.of(0.40458846f, 0.40757075f, "fast")));
    assertThat(rows.get(1).found()).isFalse();
    assertThat(rows.get(1).values()).containsExactly(null, null, null);
    assertThat(rows.get(2).values()).containsExactly(0.5f, 0.25f, null);
    assertThat(rows.get(3)).isEqualTo(rows.get(0));
  }

  @Test
  void oneReadServesSeveralViewsAndFeatureSubsets() {
    OnlineStore store = store();
    store.write(HOURLY, List.of(hourly(1001, "2022-03-14T14:00:00Z", 0.1f, 0.2f, "x")));
    store.write(DAILY, List.of(daily(1001, "2022-03-14T15:00:00Z", 18.926695f)));

    List<List<StoredRow>> results =
        store.read(
            List.of(
                new ViewRead(HOURLY, List.of("acc_rate"), List.of(List.of(1001L))),
                readDaily(1001L)));

    assertThat(results.get(0).get(0).values()).containsExactly(0.2f);
    assertThat(results.get(1).get(0))
        .isEqualTo(new StoredRow(Instant.parse("2022-03-14T15:00:00Z"), List.of(18.926695f)));
  }

  @Test
  void olderAndEqualTimestampsNeverOverwrite() {
    OnlineStore store = store();
    store.write(DAILY, List.of(daily(1001, "2023-03-03T12:00:00Z", 631.9f)));

    WriteResult older = store.write(DAILY, List.of(daily(1001, "2023-03-03T11:59:59.999Z", 1f)));
    WriteResult equal = store.write(DAILY, List.of(daily(1001, "2023-03-03T12:00:00Z", 2f)));
    assertThat(older).isEqualTo(new WriteResult(0, 1));
    assertThat(equal).isEqualTo(new WriteResult(0, 1));
    assertThat(store.read(List.of(readDaily(1001L))).get(0).get(0).values())
        .containsExactly(631.9f);

    WriteResult newer = store.write(DAILY, List.of(daily(1001, "2023-03-03T12:00:00.000001Z", 3f)));
    assertThat(newer).isEqualTo(new WriteResult(1, 0));
    assertThat(store.read(List.of(readDaily(1001L))).get(0).get(0))
        .isEqualTo(new StoredRow(Instant.parse("2023-03-03T12:00:00.000001Z"), List.of(3f)));
  }

  @Test
  void replacingTiesWritesAnEqualTimestampButNeverAnOlderOne() {
    OnlineStore store = store();
    store.write(DAILY, List.of(daily(1001, "2023-03-03T12:00:00Z", 631.9f)));

    WriteResult equal =
        store.write(
            DAILY, List.of(daily(1001, "2023-03-03T12:00:00Z", 2f)), OnlineStore.Ties.REPLACE);
    WriteResult older =
        store.write(
            DAILY, List.of(daily(1001, "2023-03-03T11:59:59Z", 1f)), OnlineStore.Ties.REPLACE);
    assertThat(equal).isEqualTo(new WriteResult(1, 0));
    assertThat(older).isEqualTo(new WriteResult(0, 1));
    assertThat(store.read(List.of(readDaily(1001L))).get(0).get(0))
        .isEqualTo(new StoredRow(Instant.parse("2023-03-03T12:00:00Z"), List.of(2f)));

    // Within a batch, the last of equals wins when ties replace.
    store.write(
        DAILY,
        List.of(daily(1002, "2023-01-05T00:00:00Z", 5f), daily(1002, "2023-01-05T00:00:00Z", 6f)),
        OnlineStore.Ties.REPLACE);
    assertThat(store.read(List.of(readDaily(1002L))).get(0).get(0).values()).containsExactly(6f);
  }

  @Test
  void withinOneBatchTheNewestWinsAndTheFirstOfEquals() {
    OnlineStore store = store();
    WriteResult result =
        store.write(
            DAILY,
            List.of(
                daily(1001, "2023-01-01T00:00:00Z", 1f),
                daily(1001, "2023-01-03T00:00:00Z", 3f),
                daily(1001, "2023-01-02T00:00:00Z", 2f),
                daily(1002, "2023-01-05T00:00:00Z", 5f),
                daily(1002, "2023-01-05T00:00:00Z", 6f)));

    assertThat(result).isEqualTo(new WriteResult(2, 3));
    List<StoredRow> rows = store.read(List.of(readDaily(1001L, 1002L))).get(0);
    assertThat(rows.get(0).values()).containsExactly(3f);
    assertThat(rows.get(1).values()).containsExactly(5f);
  }

  @Test
  void concurrentWritersLeaveTheNewestValue() throws Exception {
    OnlineStore store = store();
    int writers = 8;
    int rowsPerWriter = 250;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                // Writer w writes seconds w, w + writers, ... so the timestamps interleave.
                for (int i = 0; i < rowsPerWriter; i++) {
                  long second = (long) i * writers + writer;
                  store.write(
                      DAILY,
                      List.of(
                          new TestRows.Row(
                              1001, Instant.ofEpochSecond(1_600_000_000L + second), (float) second),
                          new TestRows.Row(
                              1002,
                              Instant.ofEpochSecond(1_600_000_000L - second),
                              (float) -second)));
                }
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();

    long newest = (long) (rowsPerWriter - 1) * writers + (writers - 1);
    List<StoredRow> rows = store.read(List.of(readDaily(1001L, 1002L))).get(0);
    assertThat(rows.get(0))
        .isEqualTo(
            new StoredRow(Instant.ofEpochSecond(1_600_000_000L + newest), List.of((float) newest)));
    assertThat(rows.get(1))
        .isEqualTo(new StoredRow(Instant.ofEpochSecond(1_600_000_000L), List.of(0f)));
  }

  @Test
  void deletingAViewKeepsTheOthers() {
    OnlineStore store = store();
    store.write(HOURLY, List.of(hourly(1001, "2022-03-14T14:00:00Z", 0.1f, 0.2f, "x")));
    store.write(DAILY, List.of(daily(1001, "2022-03-14T15:00:00Z", 7f)));

    store.deleteView(HOURLY);

    assertThat(store.read(List.of(readHourly(1001L))).get(0).get(0).found()).isFalse();
    assertThat(store.read(List.of(readDaily(1001L))).get(0).get(0).values()).containsExactly(7f);
    // A deleted view can be written again.
    assertThat(
            store
                .write(HOURLY, List.of(hourly(1001, "2022-03-14T12:00:00Z", 0.3f, 0.4f, null)))
                .written())
        .isEqualTo(1);
  }

  @Test
  void largeBatchesSpanSeveralRoundTrips() {
    OnlineStore store = store();
    List<TestRows.Row> rows = new ArrayList<>();
    for (long id = 0; id < 2_500; id++) {
      rows.add(new TestRows.Row(id, Instant.ofEpochSecond(1_600_000_000L + id), (float) id));
    }
    assertThat(store.write(DAILY, rows)).isEqualTo(new WriteResult(2_500, 0));
    Long[] ids = {0L, 999L, 1000L, 2499L};
    List<StoredRow> read = store.read(List.of(readDaily(ids))).get(0);
    assertThat(read).extracting(r -> r.values().get(0)).containsExactly(0f, 999f, 1000f, 2499f);
    assertThat(Arrays.asList(ids)).hasSize(read.size());
  }
}
