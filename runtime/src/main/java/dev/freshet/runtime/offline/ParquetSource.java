package dev.freshet.runtime.offline;

import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.SourceRecord;
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
import java.util.function.Consumer;

/**
 * A Parquet file, or every Parquet file under a directory (hive-partitioned or not), read through
 * DuckDB: columns are checked against their declared types before anything is read, and records
 * stream, so memory does not grow with the source. DuckDB does the filtering and the
 * latest-row-per-entity reduction, spilling to disk when it must.
 */
public final class ParquetSource {
  private final Path path;

  /** Read once: a run checks, counts and reads the same source. */
  private volatile Map<String, String> schema;

  public ParquetSource(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /** The column names and DuckDB types of the source, in file order, read on first use. */
  public Map<String, String> schema() {
    Map<String, String> known = schema;
    if (known == null) {
      known = readSchema();
      schema = known;
    }
    return known;
  }

  private Map<String, String> readSchema() {
    if (!Files.exists(path)) {
      throw new SourceReadException("the batch source " + path + " does not exist");
    }
    return withConnection(
        statement -> {
          Map<String, String> columns = new LinkedHashMap<>();
          try (ResultSet result = statement.executeQuery("DESCRIBE SELECT * FROM " + scan())) {
            while (result.next()) {
              columns.put(result.getString("column_name"), result.getString("column_type"));
            }
          }
          return columns;
        });
  }

  /**
   * Checks that the source has each column with a type its declaration accepts.
   *
   * @return the source's schema
   * @throws SourceSchemaException naming the file, the column, the expected and the found type
   */
  public Map<String, String> check(List<SourceColumn> columns) {
    Map<String, String> schema = schema();
    for (SourceColumn column : columns) {
      String found = schema.get(column.name());
      if (found == null) {
        throw new SourceSchemaException(
            path
                + ": column '"
                + column.name()
                + "' is missing (expected "
                + ParquetTypes.describe(column.type())
                + "); the file has "
                + schema.keySet());
      }
      if (!ParquetTypes.accepts(column.type(), found)) {
        throw new SourceSchemaException(
            path
                + ": column '"
                + column.name()
                + "' has type "
                + found
                + ", expected "
                + ParquetTypes.describe(column.type()));
      }
    }
    return schema;
  }

  /** Calls {@code action} with each record of {@code columns}; the record is reused. */
  public void forEach(List<SourceColumn> columns, Consumer<SourceRecord> action) {
    Map<String, String> schema = check(columns);
    stream("SELECT " + selectList(columns, schema) + " FROM " + scan(), columns, action);
  }

  /**
   * Per entity, the record with the greatest event time in {@code [start, end]}, ties broken by the
   * greater created time (as Feast materializes).
   *
   * @param keys the join key columns
   * @param createdTimestamp empty when the source has none
   */
  public void forEachLatest(
      List<SourceColumn> columns,
      List<String> keys,
      String eventTimestamp,
      String createdTimestamp,
      Instant start,
      Instant end,
      Consumer<SourceRecord> action) {
    Map<String, String> schema = check(columns);
    String event = ParquetTypes.epochMicros(quote(eventTimestamp), schema.get(eventTimestamp));
    String order = event + " DESC";
    if (!createdTimestamp.isEmpty()) {
      order +=
          ", "
              + ParquetTypes.epochMicros(quote(createdTimestamp), schema.get(createdTimestamp))
              + " DESC NULLS LAST";
    }
    String partition = String.join(", ", keys.stream().map(ParquetSource::quote).toList());
    String query =
        "SELECT "
            + selectList(columns, schema)
            + " FROM "
            + scan()
            + " WHERE "
            + inRange(event, start, end)
            + notNull(keys)
            + " QUALIFY row_number() OVER (PARTITION BY "
            + partition
            + " ORDER BY "
            + order
            + ") = 1";
    stream(query, columns, action);
  }

  /**
   * How many records fall in {@code [start, end]}, and about how many distinct entities (a
   * HyperLogLog estimate, for progress: exact counting would cost a second full aggregation).
   */
  public Counts count(List<String> keys, String eventTimestamp, Instant start, Instant end) {
    Map<String, String> schema = schema();
    String event = ParquetTypes.epochMicros(quote(eventTimestamp), schema.get(eventTimestamp));
    String entity =
        "hash(" + String.join(", ", keys.stream().map(ParquetSource::quote).toList()) + ")";
    String query =
        "SELECT count(*), approx_count_distinct("
            + entity
            + ") FROM "
            + scan()
            + " WHERE "
            + inRange(event, start, end)
            + notNull(keys);
    return withConnection(
        statement -> {
          try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return new Counts(result.getLong(1), result.getLong(2));
          }
        });
  }

  /** Records in a time range, and an estimate of their distinct entities. */
  public record Counts(long records, long approximateEntities) {}

  /** The earliest and latest event time of all records, or null when there are none. */
  public Instant[] timeRange(String eventTimestamp) {
    String event = ParquetTypes.epochMicros(quote(eventTimestamp), schema().get(eventTimestamp));
    String query = "SELECT min(" + event + "), max(" + event + ") FROM " + scan();
    return withConnection(
        statement -> {
          try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            long first = result.getLong(1);
            return result.wasNull()
                ? null
                : new Instant[] {
                  EpochMicros.toInstant(first), EpochMicros.toInstant(result.getLong(2))
                };
          }
        });
  }

  private static String inRange(String eventMicros, Instant start, Instant end) {
    return eventMicros + " BETWEEN " + EpochMicros.of(start) + " AND " + EpochMicros.of(end);
  }

  private static String notNull(List<String> keys) {
    StringBuilder out = new StringBuilder();
    for (String key : keys) {
      out.append(" AND ").append(quote(key)).append(" IS NOT NULL");
    }
    return out.toString();
  }

  private static String selectList(List<SourceColumn> columns, Map<String, String> schema) {
    List<String> selected = new ArrayList<>();
    for (SourceColumn column : columns) {
      String quoted = quote(column.name());
      selected.add(
          ParquetTypes.select(quoted, schema.get(column.name()), column.type()) + " AS " + quoted);
    }
    return String.join(", ", selected);
  }

  private void stream(String query, List<SourceColumn> columns, Consumer<SourceRecord> action) {
    withConnection(
        statement -> {
          try (ResultSet result = statement.executeQuery(query)) {
            ResultSetRecord record =
                new ResultSetRecord(result, columns.stream().map(SourceColumn::name).toList());
            while (result.next()) {
              action.accept(record);
            }
          }
          return null;
        });
  }

  /** The SQL table function reading the source and every file pushed to it. */
  public String scan() {
    if (Files.isDirectory(path)) {
      String files = path.resolve("**").resolve("*.parquet").toString();
      return "read_parquet("
          + quoteLiteral(files)
          + ", union_by_name = true, hive_partitioning = true)";
    }
    List<Path> pushed = PushedFiles.of(path);
    if (pushed.isEmpty()) {
      return "read_parquet(" + quoteLiteral(path.toString()) + ")";
    }
    List<String> files = new ArrayList<>();
    files.add(quoteLiteral(path.toString()));
    pushed.forEach(file -> files.add(quoteLiteral(file.toString())));
    return "read_parquet([" + String.join(", ", files) + "], union_by_name = true)";
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Statement statement) throws SQLException;
  }

  private <T> T withConnection(Work<T> work) {
    try (Connection connection = DuckDb.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SET preserve_insertion_order = false");
      return work.run(statement);
    } catch (SQLException e) {
      throw new SourceReadException(
          "cannot read Parquet at " + path + ": " + DuckDb.firstLine(e), e);
    }
  }

  static String quote(String identifier) {
    return DuckDb.quote(identifier);
  }

  static String quoteLiteral(String text) {
    return DuckDb.quoteLiteral(text);
  }
}
