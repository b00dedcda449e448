package dev.freshet.runtime.consistency;

import dev.freshet.runtime.consistency.ConsistencyReport.Cause;
import dev.freshet.runtime.consistency.ConsistencyReport.Example;
import dev.freshet.runtime.consistency.ConsistencyReport.FeatureResult;
import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.runtime.historical.HistoricalQuery;
import dev.freshet.runtime.logging.LogSchema;
import dev.freshet.runtime.offline.DuckDb;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.Suggestions;
import dev.freshet.spec.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Proves that training and serving agree: reads a feature service's served-feature logs, rebuilds
 * each logged row by point-in-time retrieval as of the time it was served (its join keys and
 * request values as logged), and compares feature by feature. A differing row is told apart by the
 * event times of what was served and of what the retrieval joined ({@link Cause}).
 */
public final class ConsistencyCheck {
  private static final String ROW = "__freshet_log_row";

  private final FeatureRegistry registry;
  private final HistoricalFeatures historical;

  public ConsistencyCheck(FeatureRegistry registry, HistoricalFeatures historical) {
    this.registry = registry;
    this.historical = historical;
  }

  /**
   * Compares the logs of {@code featureService} under {@code logs}.
   *
   * @param tolerance the absolute difference within which float and double values agree
   * @param examples how many of the worst differing rows to keep per feature
   * @throws IllegalArgumentException for an unknown service or a directory without its logs
   */
  public ConsistencyReport run(String featureService, Path logs, double tolerance, int examples) {
    FeatureServiceSpec service =
        registry
            .featureService(featureService)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        Suggestions.doesNotExist(
                            "feature service", featureService, registry.featureServiceNames())));
    LogSchema schema = LogSchema.of(registry, service);
    List<Path> files = logFiles(logs, featureService);
    Path work;
    try {
      work = Files.createTempDirectory("freshet-consistency");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
    try (Connection connection = DuckDb.connect()) {
      long logged = load(connection, files, schema, logs);
      Path entities = work.resolve("entities.parquet");
      List<String> entityColumns = new ArrayList<>();
      schema.joinKeys().forEach(key -> entityColumns.add(DuckDb.quote(key)));
      execute(
          connection,
          "COPY (SELECT "
              + String.join(", ", entityColumns)
              + ", "
              + DuckDb.quote(LogSchema.LOG_TIMESTAMP)
              + " AS event_timestamp, "
              + ROW
              + " FROM logged ORDER BY "
              + ROW
              + ") TO "
              + DuckDb.quoteLiteral(entities.toString())
              + " (FORMAT parquet)");
      Path rebuilt = work.resolve("rebuilt.parquet");
      HistoricalQuery query = historical.featureService(featureService, true).withEventTimes();
      historical.write(query, EntityRows.file(entities), rebuilt);
      execute(
          connection,
          "CREATE TEMP VIEW rebuilt AS SELECT * FROM read_parquet("
              + DuckDb.quoteLiteral(rebuilt.toString())
              + ")");

      List<FeatureResult> results = new ArrayList<>();
      int index = 0;
      for (FeatureSelectionSpec selection : service.selections()) {
        List<String> views =
            registry
                .onDemandFeatureView(selection.featureView())
                .map(v -> v.inputViews())
                .orElse(List.of(selection.featureView()));
        for (int i = 0; i < selection.features().size(); i++, index++) {
          results.add(
              compare(
                  connection,
                  schema.features().get(index),
                  schema.featureTypes().get(index),
                  views,
                  schema.joinKeys(),
                  tolerance,
                  examples));
        }
      }
      return new ConsistencyReport(featureService, logged, tolerance, results);
    } catch (SQLException e) {
      throw new SourceReadException("consistency check failed: " + DuckDb.firstLine(e), e);
    } finally {
      delete(work);
    }
  }

  private static List<Path> logFiles(Path logs, String service) {
    if (!Files.isDirectory(logs)) {
      throw new IllegalArgumentException(
          logs + " is not a directory; give the directory of " + service + "'s log files");
    }
    try (Stream<Path> listed = Files.list(logs)) {
      List<Path> files =
          listed
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException(
            logs
                + " holds no log files (*.parquet); the server writes them when"
                + " freshet.feature-logging."
                + service
                + ".* is set");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + logs + ": " + e.getMessage(), e);
    }
  }

  /** Loads the log files as {@code logged}, numbered; returns the number of rows. */
  private static long load(Connection connection, List<Path> files, LogSchema schema, Path logs)
      throws SQLException {
    List<String> quoted = files.stream().map(f -> DuckDb.quoteLiteral(f.toString())).toList();
    execute(
        connection,
        "CREATE TEMP TABLE logged AS SELECT *, row_number() OVER () AS "
            + ROW
            + " FROM read_parquet(["
            + String.join(", ", quoted)
            + "], union_by_name = true)");
    Set<String> columns = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("DESCRIBE logged")) {
      while (result.next()) {
        columns.add(result.getString("column_name"));
      }
    }
    List<String> expected = new ArrayList<>(schema.joinKeys());
    expected.add(LogSchema.LOG_TIMESTAMP);
    for (String feature : schema.features()) {
      expected.add(feature);
      expected.add(feature + "__timestamp");
      expected.add(feature + "__status");
    }
    for (String column : expected) {
      if (!columns.contains(column)) {
        throw new IllegalArgumentException(
            "the logs in "
                + logs
                + " have no column '"
                + column
                + "'; they were written for another definition of the service");
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM logged")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static FeatureResult compare(
      Connection connection,
      String feature,
      ValueType type,
      List<String> views,
      List<String> entityColumns,
      double tolerance,
      int examples)
      throws SQLException {
    String served = "l." + DuckDb.quote(feature);
    String rebuilt =
        type.isList()
            ? "CAST(r." + DuckDb.quote(feature) + " AS VARCHAR)"
            : "r." + DuckDb.quote(feature);
    String status = "l." + DuckDb.quote(feature + "__status");
    String servedTime = "l." + DuckDb.quote(feature + "__timestamp");
    List<String> times = new ArrayList<>();
    views.forEach(v -> times.add("r." + DuckDb.quote(HistoricalQuery.eventTimeColumn(v))));
    String rebuiltTime =
        times.size() == 1 ? times.get(0) : "greatest(" + String.join(", ", times) + ")";
    boolean numeric = type == ValueType.FLOAT || type == ValueType.DOUBLE;
    String difference = numeric ? "abs(" + served + " - " + rebuilt + ")" : "NULL";
    String exact = served + " IS NOT DISTINCT FROM " + rebuilt;
    String within =
        numeric
            ? "(" + exact + " OR coalesce(" + difference + " <= " + tolerance + ", false))"
            : exact;
    String cause =
        "CASE WHEN "
            + status
            + " = 'OUTSIDE_MAX_AGE' THEN 'PAST_TTL' WHEN "
            + rebuiltTime
            + " IS NOT NULL AND ("
            + servedTime
            + " IS NULL OR "
            + status
            + " = 'NOT_FOUND' OR "
            + rebuiltTime
            + " > "
            + servedTime
            + ") THEN 'NEWER_OFFLINE' WHEN "
            + rebuiltTime
            + " IS NULL OR "
            + rebuiltTime
            + " < "
            + servedTime
            + " THEN 'NEWER_ONLINE' ELSE 'UNEXPLAINED' END";
    List<String> selected = new ArrayList<>();
    for (String key : entityColumns) {
      selected.add("l." + DuckDb.quote(key) + " AS " + DuckDb.quote("key:" + key));
    }
    selected.add("l." + DuckDb.quote(LogSchema.LOG_TIMESTAMP) + " AS logged_at");
    selected.add(served + " AS served");
    selected.add(rebuilt + " AS rebuilt");
    selected.add(exact + " AS exact");
    selected.add(within + " AS within");
    selected.add(difference + " AS difference");
    selected.add(cause + " AS cause");
    selected.add("l." + ROW + " AS " + ROW);
    String compared =
        "(SELECT "
            + String.join(", ", selected)
            + " FROM logged l JOIN rebuilt r ON l."
            + ROW
            + " = r."
            + ROW
            + ") c";

    StringBuilder counts =
        new StringBuilder(
            "SELECT count(*), count(*) FILTER (WHERE exact), count(*) FILTER (WHERE within),"
                + " count(*) FILTER (WHERE served IS NULL AND rebuilt IS NOT NULL),"
                + " count(*) FILTER (WHERE rebuilt IS NULL AND served IS NOT NULL)");
    for (Cause c : Cause.values()) {
      counts
          .append(", count(*) FILTER (WHERE NOT within AND cause = '")
          .append(c.name())
          .append("')");
    }
    counts.append(" FROM ").append(compared);
    long rows;
    long exactRows;
    long withinRows;
    long servedNull;
    long rebuiltNull;
    Map<Cause, Long> byCause = new EnumMap<>(Cause.class);
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(counts.toString())) {
      result.next();
      rows = result.getLong(1);
      exactRows = result.getLong(2);
      withinRows = result.getLong(3);
      servedNull = result.getLong(4);
      rebuiltNull = result.getLong(5);
      int column = 6;
      for (Cause c : Cause.values()) {
        byCause.put(c, result.getLong(column++));
      }
    }

    List<Example> worst = new ArrayList<>();
    String worstQuery =
        "SELECT * FROM "
            + compared
            + " WHERE NOT within ORDER BY (served IS NULL OR rebuilt IS NULL) DESC, difference DESC"
            + " NULLS LAST, "
            + ROW
            + " LIMIT "
            + examples;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(worstQuery)) {
      while (result.next()) {
        Map<String, Object> entity = new LinkedHashMap<>();
        for (String key : entityColumns) {
          entity.put(key, plain(result.getObject("key:" + key)));
        }
        worst.add(
            new Example(
                entity,
                String.valueOf(plain(result.getObject("logged_at"))),
                plain(result.getObject("served")),
                plain(result.getObject("rebuilt")),
                Cause.valueOf(result.getString("cause"))));
      }
    }
    return new FeatureResult(
        feature, rows, exactRows, withinRows, servedNull, rebuiltNull, byCause, worst);
  }

  private static Object plain(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant().toString();
    }
    if (value instanceof java.sql.Timestamp time) {
      return time.toInstant().toString();
    }
    return value;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory left behind is harmless; the rebuilt rows are not a result.
    }
  }
}
