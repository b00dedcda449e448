package dev.freshet.runtime.historical;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.offline.BatchSources;
import dev.freshet.runtime.offline.DuckDb;
import dev.freshet.runtime.offline.ParquetSource;
import dev.freshet.runtime.offline.ParquetTypes;
import dev.freshet.runtime.offline.SourceColumn;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Point-in-time joins in DuckDB: the entity rows become a table, each view's batch source is
 * reduced to one row per entity and event time (the greatest created time), and an ASOF join per
 * view picks the latest row at or before each entity row's time. DuckDB sorts and joins out of
 * core, so neither side has to fit in memory, let alone in the JVM's heap.
 *
 * <p>Loading the entity rows ({@link EntityTables}) and checking the request ({@link JoinPlan}) are
 * files of their own; what stays here is the one query, kept in one file because its parts share
 * the names of its temporary views and columns.
 */
@Singleton
public class DuckDbOfflineEngine implements OfflineEngine {
  private static final String ENTITY_ROWS = "freshet_entity_rows";
  private static final String ENTITIES = "freshet_entities";
  private static final String ROW = "__freshet_row";
  private static final String TIME = "__freshet_ts";
  private static final String KEY = "__freshet_key_";
  private static final String CREATED = "__freshet_created";
  private static final String FOUND = "__freshet_found__";
  private static final String REQUEST = "__freshet_request__";
  private static final String JOINED = "freshet_joined";
  private static final String COMPUTED = "freshet_computed";

  private final FeatureRegistry registry;
  private final FreshetConfig config;
  private final OfflineConfig offline;

  public DuckDbOfflineEngine(
      FeatureRegistry registry, FreshetConfig config, OfflineConfig offline) {
    this.registry = registry;
    this.config = config;
    this.offline = offline;
  }

  @Override
  public long write(HistoricalQuery query, EntityRows entities, Path out, OutputFormat format) {
    Path target = out.toAbsolutePath();
    Path partial =
        target.resolveSibling(
            "."
                + target.getFileName()
                + "."
                + UUID.randomUUID().toString().substring(0, 8)
                + ".partial");
    try {
      long rows =
          run(
              connection -> {
                String select = prepare(connection, query, entities);
                String options =
                    format == OutputFormat.PARQUET
                        ? "(FORMAT parquet)"
                        : "(FORMAT csv, HEADER true)";
                try (Statement statement = connection.createStatement()) {
                  return (long)
                      statement.executeUpdate(
                          "COPY ("
                              + select
                              + ") TO "
                              + DuckDb.quoteLiteral(partial.toString())
                              + " "
                              + options);
                }
              });
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // The rename failed too; the partial file's name starts with a dot and says what it is.
      }
    }
  }

  @Override
  public HistoricalTable read(HistoricalQuery query, EntityRows entities) {
    return run(connection -> ResultTables.read(connection, prepare(connection, query, entities)));
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T run(Work<T> work) {
    try (Connection connection = DuckDb.connect()) {
      if (offline.getMemoryLimit() != null && !offline.getMemoryLimit().isBlank()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET memory_limit = " + DuckDb.quoteLiteral(offline.getMemoryLimit()));
        }
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new SourceReadException("historical retrieval failed: " + DuckDb.firstLine(e), e);
    }
  }

  /**
   * Loads and checks the entity rows; returns the ordered select of the joined result. With
   * on-demand features, the join goes to a table first, their transforms run over it into a second
   * one, and the select joins the two by row number.
   */
  private String prepare(Connection connection, HistoricalQuery query, EntityRows entities)
      throws SQLException {
    Map<String, String> entityColumns = EntityTables.load(connection, ENTITY_ROWS, ROW, entities);
    JoinPlan plan = JoinPlan.check(query, entityColumns.keySet());
    Map<String, ValueType> keys = plan.joinKeys();
    Map<FeatureViewSpec, List<RequestedFeature>> byView = plan.byView();
    String eventType = entityColumns.get(EntityRows.EVENT_TIMESTAMP);
    createEntities(connection, eventType, keys);
    long[] range = timeRange(connection, keys.keySet());

    StringBuilder with = new StringBuilder();
    StringBuilder joins = new StringBuilder();
    List<String> outputs = new ArrayList<>();
    List<String> eventTimes = new ArrayList<>();
    List<String> eventTimeColumns = new ArrayList<>();
    entityColumns.keySet().forEach(column -> outputs.add("e." + DuckDb.quote(column)));
    int index = 0;
    for (Map.Entry<FeatureViewSpec, List<RequestedFeature>> entry : byView.entrySet()) {
      FeatureViewSpec view = entry.getKey();
      String alias = "v" + index;
      String name = "freshet_view_" + index++;
      with.append(with.length() == 0 ? "WITH " : ", ")
          .append(name)
          .append(" AS (")
          .append(history(view, entry.getValue(), range))
          .append(")");
      joins.append(" ASOF LEFT JOIN ").append(name).append(' ').append(alias).append(" ON ");
      for (JoinKeySpec key : view.joinKeys()) {
        String column = DuckDb.quote(KEY + key.name());
        joins
            .append("e.")
            .append(column)
            .append(" = ")
            .append(alias)
            .append('.')
            .append(column)
            .append(" AND ");
      }
      joins.append("e.").append(TIME).append(" >= ").append(alias).append('.').append(TIME);
      for (RequestedFeature feature : entry.getValue()) {
        String value = alias + "." + DuckDb.quote(feature.feature().name());
        outputs.add(withinTtl(view, alias, value) + " AS " + DuckDb.quote(feature.column()));
      }
      if (query.eventTimes()) {
        String withinTtl = withinTtl(view, alias, alias + "." + TIME);
        eventTimes.add(
            "CAST(make_timestamp("
                + withinTtl
                + ") AS TIMESTAMPTZ) AS "
                + DuckDb.quote(HistoricalQuery.eventTimeColumn(view.name())));
        eventTimeColumns.add(HistoricalQuery.eventTimeColumn(view.name()));
      }
      if (query.inputViews().contains(view)) {
        String found =
            view.ttl().isZero()
                ? alias + "." + TIME + " IS NOT NULL"
                : "coalesce("
                    + alias
                    + "."
                    + TIME
                    + " > e."
                    + TIME
                    + " - "
                    + EpochMicros.of(view.ttl())
                    + ", false)";
        outputs.add(found + " AS " + DuckDb.quote(FOUND + view.name()));
      }
    }
    // Last, so that the features stay where the result's readers expect them.
    outputs.addAll(eventTimes);
    if (query.computed().isEmpty()) {
      return with
          + " SELECT "
          + String.join(", ", outputs)
          + " FROM "
          + ENTITIES
          + " e"
          + joins
          + " ORDER BY e."
          + ROW;
    }
    outputs.add("e." + ROW);
    for (FeatureSpec field : query.requestFields()) {
      outputs.add(
          requestField(connection, field, entityColumns.get(field.name()))
              + " AS "
              + DuckDb.quote(REQUEST + field.name()));
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + JOINED
              + " AS "
              + with
              + " SELECT "
              + String.join(", ", outputs)
              + " FROM "
              + ENTITIES
              + " e"
              + joins);
    }
    List<String> described = new ArrayList<>(keys.keySet());
    described.add(EntityRows.EVENT_TIMESTAMP);
    new OnDemandColumns(registry, query, ROW, FOUND, REQUEST)
        .compute(connection, JOINED, COMPUTED, described);

    List<String> result = new ArrayList<>();
    entityColumns.keySet().forEach(column -> result.add("j." + DuckDb.quote(column)));
    for (RequestedFeature feature : query.features()) {
      result.add((feature.isComputed() ? "c." : "j.") + DuckDb.quote(feature.column()));
    }
    eventTimeColumns.forEach(column -> result.add("j." + DuckDb.quote(column)));
    return "SELECT "
        + String.join(", ", result)
        + " FROM "
        + JOINED
        + " j JOIN "
        + COMPUTED
        + " c ON j."
        + ROW
        + " = c."
        + ROW
        + " ORDER BY j."
        + ROW;
  }

  /** {@code value} of the row joined from {@code view} as {@code alias}, or null past its ttl. */
  private static String withinTtl(FeatureViewSpec view, String alias, String value) {
    return view.ttl().isZero()
        ? value
        : "CASE WHEN "
            + alias
            + "."
            + TIME
            + " > e."
            + TIME
            + " - "
            + EpochMicros.of(view.ttl())
            + " THEN "
            + value
            + " END";
  }

  /**
   * The entity rows' column of request field {@code field}, cast to its type; fails naming the
   * field when a value does not cast, or is null where the field is not nullable.
   */
  private static String requestField(Connection connection, FeatureSpec field, String columnType)
      throws SQLException {
    String column = DuckDb.quote(field.name());
    String cast = cast("", field, columnType);
    String query =
        "SELECT count(*) FILTER (WHERE "
            + column
            + " IS NOT NULL AND "
            + cast
            + " IS NULL), count(*) FILTER (WHERE "
            + column
            + " IS NULL) FROM "
            + ENTITY_ROWS;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      if (result.getLong(1) > 0) {
        throw new HistoricalRequestException(
            result.getLong(1)
                + " entity rows have a value of '"
                + field.name()
                + "' ("
                + columnType
                + ") that is not a "
                + ParquetTypes.describe(field.type())
                + ", the type of that request field");
      }
      if (result.getLong(2) > 0 && !field.nullable()) {
        throw new HistoricalRequestException(
            result.getLong(2)
                + " entity rows have no value of '"
                + field.name()
                + "', a request field that is not nullable");
      }
    }
    return cast("e.", field, columnType);
  }

  private static String cast(String table, FeatureSpec field, String columnType) {
    String column = table + DuckDb.quote(field.name());
    return field.type() == ValueType.UNIX_TIMESTAMP && ParquetTypes.isTimestamp(columnType)
        ? "CAST(CAST(" + column + " AS TIMESTAMP) AS TIMESTAMPTZ)"
        : "TRY_CAST(" + column + " AS " + ParquetTypes.columnType(field.type()) + ")";
  }

  /**
   * The entity rows with their time as epoch microseconds and their join keys typed as the views
   * declare them.
   */
  private static void createEntities(
      Connection connection, String eventType, Map<String, ValueType> keys) throws SQLException {
    String event = DuckDb.quote(EntityRows.EVENT_TIMESTAMP);
    String time =
        ParquetTypes.isTimestamp(eventType)
            ? ParquetTypes.epochMicros(event, eventType)
            : "epoch_us(CAST(" + event + " AS TIMESTAMPTZ))";
    StringBuilder select = new StringBuilder("SELECT *, " + time + " AS " + TIME);
    for (Map.Entry<String, ValueType> key : keys.entrySet()) {
      select
          .append(", CAST(")
          .append(DuckDb.quote(key.getKey()))
          .append(" AS ")
          .append(ParquetTypes.keyType(key.getValue()))
          .append(") AS ")
          .append(DuckDb.quote(KEY + key.getKey()));
    }
    // A view, not a copy: the casts run in the range check below, where a bad value is reported,
    // and again in the join.
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP VIEW " + ENTITIES + " AS " + select + " FROM " + ENTITY_ROWS);
    }
  }

  /**
   * The earliest and latest entity row time; fails on rows without a time or a join key, or with a
   * value that does not cast.
   */
  private static long[] timeRange(Connection connection, Iterable<String> keys)
      throws SQLException {
    StringBuilder missingKey = new StringBuilder("false");
    for (String key : keys) {
      missingKey.append(" OR ").append(DuckDb.quote(KEY + key)).append(" IS NULL");
    }
    String query =
        "SELECT count(*) FILTER (WHERE "
            + TIME
            + " IS NULL), count(*) FILTER (WHERE "
            + missingKey
            + "), min("
            + TIME
            + "), max("
            + TIME
            + ")"
            + " FROM "
            + ENTITIES;
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery(query)) {
      result.next();
      return checkedRange(result, keys);
    } catch (SQLException e) {
      throw new HistoricalRequestException(
          "the entity rows cannot be read as the views declare them: " + DuckDb.firstLine(e));
    }
  }

  private static long[] checkedRange(ResultSet result, Iterable<String> keys) throws SQLException {
    if (result.getLong(1) > 0) {
      throw new HistoricalRequestException(
          result.getLong(1) + " entity rows have no " + EntityRows.EVENT_TIMESTAMP);
    }
    if (result.getLong(2) > 0) {
      throw new HistoricalRequestException(
          result.getLong(2) + " entity rows have no value for a join key " + keys);
    }
    return new long[] {result.getLong(3), result.getLong(4)};
  }

  /**
   * A view's rows that can match some entity row (event time within the entity rows' range, less
   * the ttl), one per entity and event time: the greatest created time wins a tie.
   */
  private String history(FeatureViewSpec view, List<RequestedFeature> features, long[] range) {
    FileSourceSpec source =
        BatchSources.of(registry, view)
            .orElseThrow(
                () ->
                    new HistoricalRequestException(
                        "feature view '"
                            + view.name()
                            + "' has no batch source to read history from"));
    ParquetSource parquet = new ParquetSource(config.resolve(source.path()));
    List<SourceColumn> columns = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      columns.add(new SourceColumn(source.columnFor(key.name()), key.type()));
    }
    columns.add(new SourceColumn(source.timestampField(), ValueType.UNIX_TIMESTAMP));
    if (!source.createdTimestampColumn().isEmpty()) {
      columns.add(new SourceColumn(source.createdTimestampColumn(), ValueType.UNIX_TIMESTAMP));
    }
    List<FeatureSpec> selected =
        features.stream().map(RequestedFeature::feature).distinct().toList();
    selected.forEach(
        feature -> columns.add(new SourceColumn(source.columnFor(feature.name()), feature.type())));
    Map<String, String> schema = parquet.check(columns);

    List<String> outputs = new ArrayList<>();
    List<String> keyColumns = new ArrayList<>();
    List<String> notNull = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      String column = DuckDb.quote(source.columnFor(key.name()));
      String keyed = DuckDb.quote(KEY + key.name());
      outputs.add("CAST(" + column + " AS " + ParquetTypes.keyType(key.type()) + ") AS " + keyed);
      keyColumns.add(keyed);
      notNull.add(column + " IS NOT NULL");
    }
    String event =
        ParquetTypes.epochMicros(
            DuckDb.quote(source.timestampField()), schema.get(source.timestampField()));
    outputs.add(event + " AS " + TIME);
    for (FeatureSpec feature : selected) {
      String column = source.columnFor(feature.name());
      outputs.add(
          featureValue(DuckDb.quote(column), schema.get(column), feature.type())
              + " AS "
              + DuckDb.quote(feature.name()));
    }
    boolean created = !source.createdTimestampColumn().isEmpty();
    if (created) {
      String column = source.createdTimestampColumn();
      outputs.add(
          ParquetTypes.epochMicros(DuckDb.quote(column), schema.get(column)) + " AS " + CREATED);
    }
    String earliest =
        view.ttl().isZero()
            ? ""
            : " AND " + event + " > " + (range[0] - EpochMicros.of(view.ttl()));
    String rows =
        "SELECT "
            + String.join(", ", outputs)
            + " FROM "
            + parquet.scan()
            + " WHERE "
            + String.join(" AND ", notNull)
            + " AND "
            + event
            + " <= "
            + range[1]
            + earliest;
    if (!created) {
      return rows;
    }
    return "SELECT * EXCLUDE ("
        + CREATED
        + ") FROM ("
        + rows
        + ") QUALIFY row_number() OVER (PARTITION BY "
        + String.join(", ", keyColumns)
        + ", "
        + TIME
        + " ORDER BY "
        + CREATED
        + " DESC NULLS LAST) = 1";
  }

  /** Features keep their declared type in the result; times stay times rather than microseconds. */
  private static String featureValue(String column, String columnType, ValueType type) {
    if (type == ValueType.UNIX_TIMESTAMP) {
      return columnType.toUpperCase(Locale.ROOT).equals("TIMESTAMP WITH TIME ZONE")
          ? column
          : "CAST(CAST(" + column + " AS TIMESTAMP) AS TIMESTAMPTZ)";
    }
    if (type == ValueType.UNIX_TIMESTAMP_LIST) {
      return column;
    }
    return ParquetTypes.select(column, columnType, type);
  }
}
