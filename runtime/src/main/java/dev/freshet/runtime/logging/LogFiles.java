package dev.freshet.runtime.logging;

import dev.freshet.runtime.offline.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes buffered log rows to one Parquet file, under a hidden name first, then renamed into place.
 */
final class LogFiles {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private LogFiles() {}

  /**
   * Writes {@code rows} (values in {@link LogSchema#bufferedColumns()} order) to a new file in
   * {@code directory}.
   */
  static Path write(Path directory, LogSchema schema, List<Object[]> rows, Instant firstRow)
      throws IOException {
    Files.createDirectories(directory);
    Path target =
        directory.resolve(
            "log-"
                + STAMP.format(firstRow)
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
                + ".parquet");
    Path partial = directory.resolve("." + target.getFileName() + ".partial");
    Map<String, String> columns = new LinkedHashMap<>();
    schema.bufferedColumns().forEach(column -> columns.put(column[0], column[1]));
    try (Connection connection = DuckDb.connect()) {
      DuckDb.createTable(
          connection,
          "log",
          columns,
          rows.size(),
          (row, column) -> bindable(rows.get(row)[column]));
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "COPY (SELECT * EXCLUDE ("
                + LogSchema.REQUEST_ID
                + "), CAST("
                + LogSchema.LOG_TIMESTAMP
                + " AS DATE) AS "
                + LogSchema.LOG_DATE
                + ", "
                + LogSchema.REQUEST_ID
                + " FROM log) TO "
                + DuckDb.quoteLiteral(partial.toString())
                + " (FORMAT parquet)");
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (SQLException e) {
      throw new IOException(
          "cannot write the feature log " + target + ": " + DuckDb.firstLine(e), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Lists are logged as their text (see LogSchema). */
  private static Object bindable(Object value) {
    if (value instanceof List<?> list) {
      return list.toString();
    }
    return value;
  }
}
