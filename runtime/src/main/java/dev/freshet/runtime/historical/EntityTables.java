package dev.freshet.runtime.historical;

import dev.freshet.runtime.offline.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads entity rows into a DuckDB table, numbering them so that the result keeps their order. */
final class EntityTables {
  private EntityTables() {}

  /**
   * Creates {@code table} with the rows and a row number column; returns the rows' own columns and
   * types.
   */
  static Map<String, String> load(
      Connection connection, String table, String rowColumn, EntityRows entities)
      throws SQLException {
    if (entities instanceof EntityRows.ParquetFile file) {
      requireFile(file.path());
      // file_row_number is the row's position in the file, whatever order the scan runs in.
      execute(
          connection,
          "CREATE TEMP TABLE "
              + table
              + " AS SELECT * EXCLUDE (file_row_number), file_row_number AS "
              + rowColumn
              + " FROM read_parquet("
              + DuckDb.quoteLiteral(file.path().toString())
              + ", file_row_number = true)",
          file.path());
    } else if (entities instanceof EntityRows.CsvFile file) {
      requireFile(file.path());
      execute(
          connection,
          "CREATE TEMP TABLE "
              + table
              + " AS SELECT *, row_number() OVER () AS "
              + rowColumn
              + " FROM read_csv("
              + DuckDb.quoteLiteral(file.path().toString())
              + ", header = true)",
          file.path());
    } else {
      insert(connection, table, rowColumn, (EntityRows.Columns) entities);
    }
    Map<String, String> types = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("DESCRIBE " + table)) {
      while (result.next()) {
        types.put(result.getString("column_name"), result.getString("column_type"));
      }
    }
    types.remove(rowColumn);
    return types;
  }

  private static void requireFile(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new HistoricalRequestException("the entity rows file " + path + " does not exist");
    }
  }

  private static void execute(Connection connection, String sql, Path file) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new HistoricalRequestException(
          "cannot read the entity rows " + file + ": " + DuckDb.firstLine(e));
    }
  }

  private static void insert(
      Connection connection, String table, String rowColumn, EntityRows.Columns entities)
      throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    entities.columns().forEach((name, values) -> types.put(name, sqlType(name, values)));
    types.put(rowColumn, "BIGINT");
    List<List<?>> values = new ArrayList<>(entities.columns().values());
    DuckDb.createTable(
        connection,
        table,
        types,
        entities.rowCount(),
        (row, column) -> column < values.size() ? values.get(column).get(row) : (long) row);
  }

  /** The SQL type of a column of Java values: that of its first non-null value. */
  private static String sqlType(String name, List<?> values) {
    Object first = values.stream().filter(v -> v != null).findFirst().orElse(null);
    String type;
    if (first == null || first instanceof String) {
      type = "VARCHAR";
    } else if (first instanceof Long) {
      type = "BIGINT";
    } else if (first instanceof Integer) {
      type = "INTEGER";
    } else if (first instanceof Double) {
      type = "DOUBLE";
    } else if (first instanceof Float) {
      type = "FLOAT";
    } else if (first instanceof Boolean) {
      type = "BOOLEAN";
    } else if (first instanceof Instant) {
      type = "TIMESTAMPTZ";
    } else {
      throw new HistoricalRequestException(
          "entity column '"
              + name
              + "' holds "
              + first.getClass().getSimpleName()
              + " values; use numbers, strings, booleans or times");
    }
    Class<?> kind = first == null ? null : first.getClass();
    for (int row = 0; row < values.size(); row++) {
      Object value = values.get(row);
      if (value != null && value.getClass() != kind) {
        throw new HistoricalRequestException(
            "entity column '"
                + name
                + "' mixes types: row 0 holds "
                + kind.getSimpleName()
                + ", row "
                + row
                + " holds "
                + value.getClass().getSimpleName());
      }
    }
    return type;
  }
}
