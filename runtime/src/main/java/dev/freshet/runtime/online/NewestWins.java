package dev.freshet.runtime.online;

import dev.freshet.spec.FeatureRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The within-batch half of newest-wins: one row per entity, the newest, the earliest of equals. */
public final class NewestWins {
  private NewestWins() {}

  /** The rows of a batch that may be written, and how many were dropped as older or equal. */
  /** Whether {@code row} replaces {@code stored}: it is newer, or as new and ties replace. */
  public static boolean replaces(FeatureRow row, FeatureRow stored, OnlineStore.Ties ties) {
    return replaces(row.eventTimestamp(), stored.eventTimestamp(), ties);
  }

  public static boolean replaces(Instant row, Instant stored, OnlineStore.Ties ties) {
    int order = row.compareTo(stored);
    return order > 0 || (order == 0 && ties == OnlineStore.Ties.REPLACE);
  }

  public record Batch<R extends FeatureRow>(List<R> rows, long skipped) {}

  public static <R extends FeatureRow> Batch<R> newestPerEntity(
      List<R> rows, OnlineStore.Ties ties) {
    Map<List<Object>, R> newest = new LinkedHashMap<>();
    for (R row : rows) {
      R kept = newest.putIfAbsent(row.joinKeyValues(), row);
      if (kept != null && replaces(row, kept, ties)) {
        newest.put(row.joinKeyValues(), row);
      }
    }
    return new Batch<>(new ArrayList<>(newest.values()), rows.size() - newest.size());
  }
}
