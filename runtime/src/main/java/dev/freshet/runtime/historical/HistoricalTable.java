package dev.freshet.runtime.historical;

import java.util.List;

/**
 * A retrieval's result in memory: entity columns then feature columns, one row per entity row in
 * the order given. Values are {@code Long}, {@code Integer}, {@code Double}, {@code Float}, {@code
 * Boolean}, {@code String}, {@code byte[]}, {@code java.time.Instant}, lists of those, or null.
 */
public record HistoricalTable(List<String> columns, List<List<Object>> rows) {
  /** The value of {@code column} in row {@code row}. */
  public Object value(int row, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column '" + column + "'; the result has " + columns);
    }
    return rows.get(row).get(index);
  }
}
