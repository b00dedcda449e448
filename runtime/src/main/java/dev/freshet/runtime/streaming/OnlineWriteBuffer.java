package dev.freshet.runtime.streaming;

import dev.freshet.runtime.online.NewestWins;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.StreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows a stream task computed since its last commit, one per entity. {@link ViewProcessor}
 * flushes them to the online store and only then asks Kafka Streams to commit, so offsets (and,
 * exactly once, the window state) advance only past rows that reached the store. A failing write is
 * retried with backoff while the task consumes nothing; past the retry timeout the task fails and
 * restarts from its last commit.
 */
final class OnlineWriteBuffer {
  private static final Logger LOG = LoggerFactory.getLogger(OnlineWriteBuffer.class);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** A row to write, and when the earliest event it holds arrived in Kafka. */
  private record Row(
      List<Object> joinKeyValues,
      Instant eventTimestamp,
      List<Object> featureValues,
      long arrivalMillis)
      implements FeatureRow {
    @Override
    public Instant createdTimestamp() {
      return null;
    }
  }

  private final FeatureViewSpec view;
  private final OnlineStore.Ties ties;

  /** The target's features this stream does not compute: read back and kept as stored. */
  private final List<String> kept;

  /** Where each kept feature sits in the view's feature order. */
  private final int[] keptPositions;

  private final Supplier<OnlineStore> store;
  private final Duration retryTimeout;
  private final Counter written;
  private final Counter failures;
  private final Timer freshness;
  private final Map<List<Object>, Row> pending = new LinkedHashMap<>();

  /**
   * @param streamView the stream view writing, which names the metrics
   * @param view the view written to, the stream view's target
   */
  OnlineWriteBuffer(
      String streamView,
      FeatureViewSpec view,
      List<String> computed,
      OnlineStore.Ties ties,
      Supplier<OnlineStore> store,
      Duration retryTimeout,
      StreamMetrics metrics) {
    this.view = view;
    this.ties = ties;
    List<String> names = view.features().stream().map(FeatureSpec::name).toList();
    this.kept = names.stream().filter(f -> !computed.contains(f)).toList();
    this.keptPositions = kept.stream().mapToInt(names::indexOf).toArray();
    this.store = store;
    this.retryTimeout = retryTimeout;
    this.written = metrics.rowsWritten(streamView);
    this.failures = metrics.writeFailures(streamView);
    this.freshness = metrics.freshness(streamView);
  }

  /**
   * Buffers the newest row of an entity: it replaces the buffered one unless older (or as old, when
   * ties keep the stored row). {@code featureValues} follow the view's feature order, with nulls
   * for the features the stream does not compute.
   */
  void put(
      List<Object> joinKeyValues,
      Instant eventTimestamp,
      List<Object> featureValues,
      long arrivalMillis) {
    Row buffered = pending.get(joinKeyValues);
    if (buffered == null) {
      pending.put(
          joinKeyValues, new Row(joinKeyValues, eventTimestamp, featureValues, arrivalMillis));
    } else if (NewestWins.replaces(eventTimestamp, buffered.eventTimestamp(), ties)) {
      pending.put(
          joinKeyValues,
          new Row(
              joinKeyValues,
              eventTimestamp,
              featureValues,
              Math.min(arrivalMillis, buffered.arrivalMillis())));
    }
  }

  int size() {
    return pending.size();
  }

  /** Writes the buffered rows, retrying while the store is down; returns once they are written. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + retryTimeout.toNanos();
    long backoff = TimeUnit.MILLISECONDS.toNanos(100);
    while (true) {
      try {
        List<Row> rows =
            kept.isEmpty()
                ? new ArrayList<>(pending.values())
                : withKeptValues(new ArrayList<>(pending.values()));
        store.get().write(view, rows, ties);
        break;
      } catch (OnlineStoreException e) {
        failures.increment();
        if (System.nanoTime() + backoff > deadline) {
          throw new StreamsException(
              "the online store refused the rows of "
                  + view.name()
                  + " for "
                  + retryTimeout.toSeconds()
                  + " s; the task restarts from its last commit: "
                  + e.getMessage(),
              e);
        }
        LOG.warn(
            "{}: {} rows wait for the online store, retrying in {} ms (nothing is consumed meanwhile): {}",
            view.name(),
            pending.size(),
            TimeUnit.NANOSECONDS.toMillis(backoff),
            e.getMessage());
        LockSupport.parkNanos(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
      }
    }
    long now = System.currentTimeMillis();
    for (Row row : pending.values()) {
      freshness.record(Math.max(0, now - row.arrivalMillis()), TimeUnit.MILLISECONDS);
    }
    written.increment(pending.size());
    pending.clear();
  }

  /**
   * The rows with the features the stream does not compute filled from the store, one read for all.
   */
  private List<Row> withKeptValues(List<Row> rows) {
    List<List<Object>> keys = rows.stream().map(Row::joinKeyValues).toList();
    List<StoredRow> stored = store.get().read(List.of(new ViewRead(view, kept, keys))).get(0);
    List<Row> merged = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      List<Object> values = new ArrayList<>(row.featureValues());
      if (stored.get(r).found()) {
        for (int k = 0; k < kept.size(); k++) {
          values.set(keptPositions[k], stored.get(r).values().get(k));
        }
      }
      merged.add(new Row(row.joinKeyValues(), row.eventTimestamp(), values, row.arrivalMillis()));
    }
    return merged;
  }
}
