package dev.freshet.runtime.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends rows to a Parquet batch source as a new file ({@link PushedFiles}), each column's values
 * of the type {@link ParquetTypes#appendedAs} gives, in two steps so that a push can check
 * everything before anything is visible: {@link #prepare} writes the rows, typed exactly as the
 * source's columns, to a hidden partial file; {@link Pending#commit} renames it into place,
 * atomically, so readers see all of the rows or none.
 */
public final class OfflineAppender {
  private OfflineAppender() {}

  /** A written file not yet visible to readers. */
  public interface Pending extends AutoCloseable {
    /** Makes the rows visible. */
    void commit();

    /** Deletes the partial file unless it was committed. */
    @Override
    void close();
  }

  /**
   * Writes {@code columns} (in the source's column order, values as {@code Long}, {@code Double},
   * {@code Float}, {@code Boolean}, {@code String}, {@code Instant} or null) for the source at
   * {@code source} whose schema is {@code schema}.
   */
  public static Pending prepare(
      Path source, Map<String, String> schema, Map<String, List<Object>> columns, int rows) {
    Path target = PushedFiles.next(source, Instant.now());
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    try (Connection connection = DuckDb.connect()) {
      List<List<Object>> values = new ArrayList<>();
      schema.keySet().forEach(name -> values.add(columns.get(name)));
      DuckDb.createTable(
          connection, "pushed", schema, rows, (row, column) -> values.get(column).get(row));
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "COPY pushed TO " + DuckDb.quoteLiteral(partial.toString()) + " (FORMAT parquet)");
      }
    } catch (SQLException e) {
      delete(partial);
      throw new SourceReadException(
          "cannot write pushed rows next to " + source + ": " + DuckDb.firstLine(e), e);
    }
    return new Pending() {
      private boolean committed;

      @Override
      public void commit() {
        try {
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
          committed = true;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot move pushed rows into place at " + target, e);
        }
      }

      @Override
      public void close() {
        if (!committed) {
          delete(partial);
        }
      }
    };
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover partial file is hidden (dot name, .partial ending) and never read.
    }
  }
}
