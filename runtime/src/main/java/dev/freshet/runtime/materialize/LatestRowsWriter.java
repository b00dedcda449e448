package dev.freshet.runtime.materialize;

import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import java.time.Instant;

/**
 * Computes, per entity, a view's latest row in an interval and writes those rows newest-wins into
 * the online store, on an engine other than this process: {@link MaterializationJob} keeps choosing
 * intervals and recording them, so that an engine only has to do the heavy part. Without one, the
 * job reads through DuckDB and writes from this process.
 */
public interface LatestRowsWriter {
  /**
   * Checks that the view's batch source can be read as the view declares it; called for every view
   * of a run before anything is written.
   *
   * @throws dev.freshet.runtime.offline.SourceReadException when it cannot
   */
  void check(FeatureViewSpec view, FileSourceSpec source);

  /**
   * Writes the latest row per entity whose event time lies in {@code [start, end]}, ties broken by
   * the greater created time, into the store that {@code store} describes; returns only after every
   * row was written.
   *
   * @param store the store of the run, whose identity the registry records the interval under
   */
  Written write(
      FeatureViewSpec view, FileSourceSpec source, Instant start, Instant end, OnlineStore store);

  /** What a view's write did. */
  record Written(long records, long entities, long written, long skippedAsOlder) {}
}
