package dev.freshet.runtime.offline;

import dev.freshet.spec.SourceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads chosen columns of a Parquet file, or of every Parquet file under a directory, as a stream
 * of {@link SourceRecord}s whose positions are the chosen columns. Timestamps of any unit, with or
 * without a time zone (naive means UTC), and dates are read as instants.
 */
public final class ParquetSource {
  private final Path path;

  public ParquetSource(Path path) {
    this.path = path;
  }

  /** The column names and DuckDB types of the source, in file order. */
  public Map<String, String> schema() {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      Map<String, String> columns = new LinkedHashMap<>();
      try (ResultSet result = statement.executeQuery("DESCRIBE SELECT * FROM " + scan())) {
        while (result.next()) {
          columns.put(result.getString("column_name"), result.getString("column_type"));
        }
      }
      return columns;
    } catch (SQLException e) {
      throw new SourceReadException("cannot read Parquet at " + path + ": " + firstLine(e), e);
    }
  }

  /**
   * Calls {@code action} with each record of {@code columns}, streaming: memory does not grow with
   * the source. The record passed is reused; copy what outlives the call.
   *
   * @throws SourceReadException naming the source and the column when a column is missing
   */
  public void forEach(List<String> columns, Consumer<SourceRecord> action) {
    Map<String, String> schema = schema();
    List<String> selected = new ArrayList<>();
    for (String column : columns) {
      String type = schema.get(column);
      if (type == null) {
        throw new SourceReadException(
            "column '" + column + "' is missing from " + path + "; it has " + schema.keySet());
      }
      selected.add(selectExpression(column, type));
    }
    String query = "SELECT " + String.join(", ", selected) + " FROM " + scan();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      ResultSetRecord record = new ResultSetRecord(result, columns);
      while (result.next()) {
        action.accept(record);
      }
    } catch (SQLException e) {
      throw new SourceReadException("cannot read Parquet at " + path + ": " + firstLine(e), e);
    }
  }

  /** Instants travel as epoch microseconds, whatever the column's unit and zone. */
  private static String selectExpression(String column, String type) {
    String quoted = quoteIdentifier(column);
    String upper = type.toUpperCase(Locale.ROOT);
    if (upper.equals("TIMESTAMP WITH TIME ZONE")) {
      return "epoch_us(" + quoted + ") AS " + quoted;
    }
    if (upper.startsWith("TIMESTAMP") || upper.equals("DATE")) {
      // A timestamp without a zone is UTC, as Feast reads it.
      return "epoch_us(CAST(" + quoted + " AS TIMESTAMP)) AS " + quoted;
    }
    return quoted;
  }

  private String scan() {
    String location = Files.isDirectory(path) ? path.resolve("**").resolve("*.parquet").toString() : path.toString();
    return "read_parquet(" + quoteLiteral(location) + ", union_by_name = true)";
  }

  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("jdbc_stream_results", "true");
    return DriverManager.getConnection("jdbc:duckdb:", properties);
  }

  static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String quoteLiteral(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String firstLine(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
