package dev.freshet.spark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Real Parquet files for the tests, written and read back through DuckDB's JDBC driver. */
final class Parquet {
  private Parquet() {}

  /** A row of a stats source: the view's rows of one driver at one time. */
  record Stat(long driver, Instant ts, Instant created, long trips, double rate) {}

  /** Writes {@code stats} to {@code file}: ts with a zone, created without, as sources vary. */
  static void writeStats(Path file, List<Stat> stats) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute(
          "CREATE TABLE stats (driver_id BIGINT, ts TIMESTAMPTZ, created TIMESTAMP, trips BIGINT,"
              + " rate DOUBLE)");
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO stats VALUES (?, ?, ?, ?, ?)")) {
        for (Stat stat : stats) {
          insert.setLong(1, stat.driver());
          insert.setObject(2, stat.ts().atOffset(ZoneOffset.UTC));
          insert.setObject(3, LocalDateTime.ofInstant(stat.created(), ZoneOffset.UTC));
          insert.setLong(4, stat.trips());
          insert.setDouble(5, stat.rate());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      s.execute("COPY stats TO '" + file + "' (FORMAT parquet)");
    }
  }

  /** Entity rows (position, driver_id, event_timestamp) in order, in row groups of 512. */
  static void writeEntities(Path file, List<Long> drivers, List<Instant> times) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE e (position INTEGER, driver_id BIGINT, event_timestamp TIMESTAMP)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO e VALUES (?, ?, ?)")) {
        for (int i = 0; i < drivers.size(); i++) {
          insert.setInt(1, i);
          insert.setLong(2, drivers.get(i));
          insert.setObject(3, LocalDateTime.ofInstant(times.get(i), ZoneOffset.UTC));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      s.execute(
          "COPY (SELECT * FROM e ORDER BY position) TO '"
              + file
              + "' (FORMAT parquet, ROW_GROUP_SIZE 512)");
    }
  }

  /** The rows of a query over files, each as its values' text joined by spaces. */
  static List<String> query(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      try (ResultSet r = s.executeQuery(sql)) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            values.add(String.valueOf(r.getObject(i)));
          }
          rows.add(String.join(" ", values));
        }
      }
    }
    return rows;
  }
}
