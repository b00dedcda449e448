package dev.freshet.runtime.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;

/**
 * In-process DuckDB connections set up the same way for every offline job: results stream,
 * spills go to a private temporary directory, and times without a zone read and print as UTC.
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
      Path directory = Path.of(System.getProperty("java.io.tmpdir"), "freshet-duckdb-" + ProcessHandle.current().pid());
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory);
        directory.toFile().deleteOnExit();
      }
      return directory;
    } catch (IOException e) {
      throw new SourceReadException("cannot create a temporary directory for DuckDB: " + e.getMessage(), e);
    }
  }

  /** Epoch microseconds, as DuckDB's {@code make_timestamp} and {@code epoch_us} count time. */
  public static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
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
