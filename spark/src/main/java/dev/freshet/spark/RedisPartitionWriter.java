package dev.freshet.spark;

import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.online.WriteResult;
import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureViewSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs on an executor: writes one partition of latest rows through its own Redis connection, with
 * the runtime's newest-wins script, in batches. A task Spark runs again writes its rows again;
 * newest-wins makes that harmless (equal times keep the stored row).
 */
final class RedisPartitionWriter implements ForeachPartitionFunction<Row> {
  private static final long serialVersionUID = 1L;

  /** Rows per online store write, as the in-process job writes them. */
  static final int BATCH = 1_000;

  private static final long[] RETRY_DELAYS_MILLIS = {500, 2_000, 5_000};

  private final StoreAddress store;
  private final ViewShape view;
  private final Counters counters;

  /** Spark's accumulators: each successful task's counts are added once. */
  record Counters(
      LongAccumulator records,
      LongAccumulator entities,
      LongAccumulator written,
      LongAccumulator skipped)
      implements java.io.Serializable {}

  RedisPartitionWriter(StoreAddress store, ViewShape view, Counters counters) {
    this.store = store;
    this.view = view;
    this.counters = counters;
  }

  /**
   * A row is the keys, then {@code latest}: a struct of event micros, created micros (or null) and
   * the features in the view's order; then the entity's count of records in the interval.
   */
  @Override
  public void call(Iterator<Row> rows) {
    FeatureViewSpec spec = view.spec();
    int keys = view.keyNames().size();
    try (OnlineStore online = store.open()) {
      List<FeatureRow> batch = new ArrayList<>(BATCH);
      while (rows.hasNext()) {
        Row row = rows.next();
        List<Object> keyValues = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
          keyValues.add(row.get(i));
        }
        Row latest = row.getStruct(keys);
        List<Object> values = new ArrayList<>(view.featureNames().size());
        for (int i = 0; i < view.featureNames().size(); i++) {
          int field = 2 + i;
          values.add(
              latest.isNullAt(field)
                  ? null
                  : latest.schema().fields()[field].dataType()
                          instanceof org.apache.spark.sql.types.ArrayType
                      ? SparkValues.plainList(latest.getList(field))
                      : SparkValues.plain(latest.get(field)));
        }
        batch.add(
            new LatestRow(
                keyValues,
                EpochMicros.toInstant(latest.getLong(0)),
                latest.isNullAt(1) ? null : EpochMicros.toInstant(latest.getLong(1)),
                values));
        counters.records().add(row.getLong(keys + 1));
        if (batch.size() == BATCH) {
          write(online, spec, batch);
          batch = new ArrayList<>(BATCH);
        }
      }
      if (!batch.isEmpty()) {
        write(online, spec, batch);
      }
    }
  }

  private void write(OnlineStore online, FeatureViewSpec spec, List<FeatureRow> batch) {
    WriteResult result = writeWithRetry(online, spec, batch);
    counters.entities().add(batch.size());
    counters.written().add(result.written());
    counters.skipped().add(result.skippedAsOlder());
  }

  /** Writes are newest-wins, so a batch that failed halfway is safe to write again. */
  private static WriteResult writeWithRetry(
      OnlineStore online, FeatureViewSpec spec, List<FeatureRow> batch) {
    for (int attempt = 0; ; attempt++) {
      try {
        return online.write(spec, batch);
      } catch (OnlineStoreException e) {
        if (attempt == RETRY_DELAYS_MILLIS.length) {
          throw e;
        }
        try {
          Thread.sleep(RETRY_DELAYS_MILLIS[attempt]);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
