package dev.freshet.runtime.offline;

import dev.freshet.runtime.time.EpochMicros;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * In-process DuckDB connections set up the same way for every offline job: results stream, spills
 * go to a private temporary directory, and times without a zone read and print as UTC.
 */
public final class DuckDb {
  private DuckDb() {}

  /** A new in-memory database; the caller closes it. */
  public static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("jdbc_stream_results", "true");
    Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET temp_directory = " + quoteLiteral(spillDirectory().toString()));
      statement.execute("SET TimeZone = 'UTC'");
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static Path spillDirectory() {
    try {
      Path directory =
          Path.of(
              System.getProperty("java.io.tmpdir"),
              "freshet-duckdb-" + ProcessHandle.current().pid());
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory);
        directory.toFile().deleteOnExit();
      }
      return directory;
    } catch (IOException e) {
      throw new SourceReadException(
          "cannot create a temporary directory for DuckDB: " + e.getMessage(), e);
    }
  }

  /**
   * The value of column {@code column} in row {@code row}: a time as an {@code Instant}, else as
   * JDBC binds it.
   */
  @FunctionalInterface
  public interface Cells {
    Object value(int row, int column);
  }

  /**
   * Creates the temporary table {@code table} with {@code columns} (name to DuckDB type, in order)
   * and inserts {@code rows} rows in one batch. Times go in as epoch microseconds, then take their
   * column's own time type: exact, and free of the driver's time zone handling.
   */
  public static void createTable(
      Connection connection, String table, Map<String, String> columns, int rows, Cells cells)
      throws SQLException {
    List<String> definitions = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    for (Map.Entry<String, String> column : columns.entrySet()) {
      definitions.add(quote(column.getKey()) + " " + column.getValue());
      placeholders.add(
          ParquetTypes.isTimestamp(column.getValue())
              ? "CAST(make_timestamp(?) AS " + column.getValue() + ")"
              : "?");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE " + table + " (" + String.join(", ", definitions) + ")");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + table + " VALUES (" + String.join(", ", placeholders) + ")")) {
      for (int row = 0; row < rows; row++) {
        for (int column = 0; column < definitions.size(); column++) {
          Object value = cells.value(row, column);
          insert.setObject(
              column + 1, value instanceof Instant instant ? EpochMicros.of(instant) : value);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** {@code "name"}, for identifiers that come from users' files and definitions. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  public static String quoteLiteral(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** DuckDB's messages carry context lines after the first; the first says what went wrong. */
  public static String firstLine(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
