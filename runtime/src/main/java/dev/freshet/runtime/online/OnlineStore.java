package dev.freshet.runtime.online;

import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureViewSpec;
import java.util.List;

/**
 * Where served feature values live. Every reader and writer of the runtime goes through this
 * interface; Redis and the embedded store implement it with the same semantics.
 */
public interface OnlineStore extends AutoCloseable {

  /**
   * Reads, in one round trip, the named features of each entity of each request.
   *
   * @return per request, one {@link StoredRow} per entity, in the request's order
   * @throws OnlineStoreException when the store cannot be reached
   */
  List<List<StoredRow>> read(List<ViewRead> reads);

  /**
   * Writes rows of one view. Per entity, the newest event timestamp wins: a row older than or as
   * old as the stored one, or than a newer row for the same entity earlier in {@code rows}, is
   * skipped. The comparison and the write are one atomic step in the store.
   *
   * @throws OnlineStoreException when the store cannot be reached; rows may be partly written, and
   *     writing them again is safe
   */
  default WriteResult write(FeatureViewSpec view, List<? extends FeatureRow> rows) {
    return write(view, rows, Ties.KEEP_STORED);
  }

  /**
   * As {@link #write(FeatureViewSpec, List)}, with {@code ties} saying what happens to a row
   * exactly as new as the stored one.
   */
  WriteResult write(FeatureViewSpec view, List<? extends FeatureRow> rows, Ties ties);

  /** What a write does with a row whose event timestamp equals the stored row's. */
  enum Ties {
    /** Skip it: a replayed batch or push changes nothing. */
    KEEP_STORED,
    /**
     * Write it: a stream's window, updated by a late event, keeps its event timestamp (the window's
     * end) and must replace the value stored for it.
     */
    REPLACE
  }

  /**
   * One round trip that shows the store answers, for health checks and for probing a store that was
   * down.
   *
   * @throws OnlineStoreException when it does not
   */
  default void ping() {
    read(List.of());
  }

  /** Removes every value of {@code view}. */
  void deleteView(FeatureViewSpec view);

  /** A short description for logs and health: {@code redis standalone localhost:6379}. */
  String describe();

  /**
   * What tells this store's data apart from another's, for the registry's record of what was
   * materialized into which store: the same for every process that opens the same store, never a
   * secret. By default the description.
   */
  default String identity() {
    return describe();
  }

  @Override
  void close();
}
