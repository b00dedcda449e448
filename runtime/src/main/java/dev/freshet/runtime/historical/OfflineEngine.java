package dev.freshet.runtime.historical;

import java.nio.file.Path;

/**
 * Runs point-in-time joins. For each entity row and each requested view: the view's row of the same
 * entity with the greatest event time at or before the row's {@code event_timestamp} and after that
 * time minus the view's ttl (no limit when the ttl is zero), ties broken by the greater created
 * time; no such row gives null. Entity rows keep their order, duplicates and extra columns.
 *
 * <p>{@link DuckDbOfflineEngine} runs it on one machine. An engine over Spark would implement the
 * same two methods with the same plan: one as-of join per view, then an ordered write.
 */
public interface OfflineEngine {
  /**
   * Writes the joined rows to {@code out}, replacing it only once complete.
   *
   * @return the number of rows written
   */
  long write(HistoricalQuery query, EntityRows entities, Path out, OutputFormat format);

  /** The joined rows, in memory: for small requests. */
  HistoricalTable read(HistoricalQuery query, EntityRows entities);
}
