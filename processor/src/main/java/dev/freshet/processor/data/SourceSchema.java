package dev.freshet.processor.data;

import java.util.List;
import java.util.Map;

/**
 * The columns of a file source as read at compile time: {@code file} is the file read (for
 * messages, as the source's path spells it, plus the file within a directory), {@code columns} its
 * columns and their DuckDB types, in file order. A directory's hive partition columns ({@code
 * date=2024-01-01/}) are columns too, of an unknown type (empty), since the runtime reads them.
 */
public record SourceSchema(String file, Map<String, String> columns) {

  public boolean has(String column) {
    return columns.containsKey(column);
  }

  /** The column's DuckDB type; empty when it is not known (a partition column). */
  public String typeOf(String column) {
    return columns.getOrDefault(column, "");
  }

  public List<String> names() {
    return List.copyOf(columns.keySet());
  }
}
