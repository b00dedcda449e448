package dev.freshet.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest row of each driver in a driver_stats Parquet file, computed here in plain Java from
 * every row (read with a plain SELECT), independently of the code under test.
 */
final class DriverStats {
  record Row(
      long driverId,
      Instant eventTimestamp,
      Instant created,
      float convRate,
      float accRate,
      double milesDriven,
      double dailyMilesDriven) {}

  private DriverStats() {}

  private static final Comparator<Row> ORDER =
      Comparator.comparing(Row::eventTimestamp).thenComparing(Row::created);

  static Map<Long, Row> latestPerDriver(Path parquet) throws Exception {
    Map<Long, Row> latest = new HashMap<>();
    for (Row row : all(parquet)) {
      latest.merge(row.driverId(), row, (a, b) -> ORDER.compare(a, b) >= 0 ? a : b);
    }
    return latest;
  }

  /**
   * The row of {@code driver} with the greatest event time at or before {@code time}, then the
   * greatest created time.
   */
  static Row asOf(List<Row> rows, long driver, Instant time) {
    Row best = null;
    for (Row row : rows) {
      if (row.driverId() == driver
          && !row.eventTimestamp().isAfter(time)
          && (best == null || ORDER.compare(row, best) > 0)) {
        best = row;
      }
    }
    return best;
  }

  /** Every row of the file. */
  static List<Row> all(Path parquet) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT driver_id, event_timestamp, created, conv_rate, acc_rate, miles_driven, daily_miles_driven"
                    + " FROM read_parquet('"
                    + parquet
                    + "')")) {
      while (r.next()) {
        Row row =
            new Row(
                r.getLong(1),
                r.getObject(2, OffsetDateTime.class).toInstant(),
                // created is a naive timestamp, which Feast reads as UTC
                r.getObject(3, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC),
                r.getFloat(4),
                r.getFloat(5),
                r.getDouble(6),
                r.getDouble(7));
        rows.add(row);
      }
    }
    return rows;
  }

  /** A copy of the sample's data under a fresh repository root. */
  static Path newRepository(Path root) throws Exception {
    Files.createDirectories(root.resolve("data"));
    Files.copy(Path.of("data/driver_stats.parquet"), root.resolve("data/driver_stats.parquet"));
    return root;
  }

  static Timestamp utc(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }
}
