package dev.freshet.runtime.historical;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a query's rows into a {@link HistoricalTable}, with plain Java values. */
final class ResultTables {
  private ResultTables() {}

  static HistoricalTable read(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      ResultSetMetaData meta = result.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns.size());
        for (int i = 1; i <= columns.size(); i++) {
          row.add(plain(result.getObject(i)));
        }
        rows.add(row);
      }
      return new HistoricalTable(List.copyOf(columns), rows);
    }
  }

  /**
   * A value as JDBC gives it, as the result holds it: times as {@code Instant}, arrays as lists.
   */
  static Object plain(Object value) throws SQLException {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof Timestamp time) {
      return time.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Array array) {
      List<Object> items = new ArrayList<>();
      for (Object item : Arrays.asList((Object[]) array.getArray())) {
        items.add(plain(item));
      }
      return items;
    }
    return value;
  }
}
