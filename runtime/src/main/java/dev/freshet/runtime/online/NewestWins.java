package dev.freshet.runtime.online;

import dev.freshet.spec.FeatureRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The within-batch half of newest-wins: one row per entity, the newest, the earliest of equals. */
public final class NewestWins {
  private NewestWins() {}

  /** The rows of a batch that may be written, and how many were dropped as older or equal. */
  public record Batch<R extends FeatureRow>(List<R> rows, long skipped) {}

  public static <R extends FeatureRow> Batch<R> newestPerEntity(List<R> rows) {
    Map<List<Object>, R> newest = new LinkedHashMap<>();
    for (R row : rows) {
      R kept = newest.putIfAbsent(row.joinKeyValues(), row);
      if (kept != null && row.eventTimestamp().isAfter(kept.eventTimestamp())) {
        newest.put(row.joinKeyValues(), row);
      }
    }
    return new Batch<>(new ArrayList<>(newest.values()), rows.size() - newest.size());
  }
}
