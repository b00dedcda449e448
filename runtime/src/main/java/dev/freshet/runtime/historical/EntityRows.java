package dev.freshet.runtime.historical;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows to add features to: join keys, an {@code event_timestamp} and any other columns, which
 * pass through. Either a file (Parquet or CSV with a header) that may not fit in memory, or columns
 * in memory for small requests.
 */
public sealed interface EntityRows {
  /** The column every entity row needs: the time the features are wanted as of. */
  String EVENT_TIMESTAMP = "event_timestamp";

  /** What the engines' own columns start with; an entity column may not. */
  String RESERVED_PREFIX = "__freshet";

  /**
   * Refuses an entity column the engines' own columns would collide with.
   *
   * @throws HistoricalRequestException naming it
   */
  static void checkName(String column) {
    if (column.startsWith(RESERVED_PREFIX)) {
      throw new HistoricalRequestException(
          "entity column '"
              + column
              + "': names starting with "
              + RESERVED_PREFIX
              + " are the engine's own; rename the column");
    }
  }

  /** A Parquet file. */
  record ParquetFile(Path path) implements EntityRows {}

  /** A CSV file with a header line; column types are detected. */
  record CsvFile(Path path) implements EntityRows {}

  /**
   * Columns of equal length. Values are {@code Long}, {@code Integer}, {@code Double}, {@code
   * Float}, {@code Boolean}, {@code String} or {@code java.time.Instant}; nulls are allowed except
   * in {@code event_timestamp} and join keys.
   */
  record Columns(Map<String, List<?>> columns) implements EntityRows {
    public Columns {
      columns = new LinkedHashMap<>(columns);
      int rows = -1;
      for (Map.Entry<String, List<?>> column : columns.entrySet()) {
        checkName(column.getKey());
        if (rows >= 0 && column.getValue().size() != rows) {
          throw new HistoricalRequestException(
              "entity columns differ in length: column '"
                  + column.getKey()
                  + "' has "
                  + column.getValue().size()
                  + " values, the first has "
                  + rows);
        }
        rows = column.getValue().size();
      }
      if (rows <= 0) {
        throw new HistoricalRequestException("no entity rows given");
      }
    }

    public int rowCount() {
      return columns.values().iterator().next().size();
    }
  }

  /** A Parquet or CSV file, told apart by its name's ending. */
  static EntityRows file(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return new ParquetFile(path);
    }
    if (name.endsWith(".csv")) {
      return new CsvFile(path);
    }
    throw new HistoricalRequestException(
        path + ": entity rows are read from a .parquet or a .csv file");
  }
}
