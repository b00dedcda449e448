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
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest row of each driver in a driver_stats Parquet file, computed here in plain Java from
 * every row (read with a plain SELECT), independently of the code under test.
 */
final class DriverStats {
  record Row(long driverId, Instant eventTimestamp, Instant created, float convRate, float accRate, double milesDriven, double dailyMilesDriven) {}

  private DriverStats() {}

  static Map<Long, Row> latestPerDriver(Path parquet) throws Exception {
    Map<Long, Row> latest = new HashMap<>();
    Comparator<Row> order = Comparator.comparing(Row::eventTimestamp).thenComparing(Row::created);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT driver_id, event_timestamp, created, conv_rate, acc_rate, miles_driven, daily_miles_driven"
                    + " FROM read_parquet('" + parquet + "')")) {
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
        latest.merge(row.driverId(), row, (a, b) -> order.compare(a, b) >= 0 ? a : b);
      }
    }
    return latest;
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
