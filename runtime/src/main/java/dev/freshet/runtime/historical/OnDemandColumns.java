package dev.freshet.runtime.historical;

import dev.freshet.runtime.offline.DuckDb;
import dev.freshet.runtime.offline.ParquetTypes;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.RequestSourceSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Runs the transforms of a retrieval's on-demand views over its joined rows, the same generated
 * code that serving runs. The joined table is read as a stream, one row at a time, and the outputs
 * go to a table through DuckDB's appender, so a million entity rows never sit in the heap at once.
 *
 * <p>An entity row whose input view had no row within its ttl gets null outputs, as that view's own
 * features are null in the result; online, such a row is NOT_FOUND or OUTSIDE_MAX_AGE.
 */
final class OnDemandColumns {
  private final FeatureRegistry registry;
  private final HistoricalQuery query;
  private final String rowColumn;
  private final String foundPrefix;
  private final String requestPrefix;

  /**
   * @param rowColumn the joined table's column of entity row numbers
   * @param foundPrefix the prefix of its columns saying whether an input view had a row in its ttl
   * @param requestPrefix the prefix of its columns holding request fields, typed as declared
   */
  OnDemandColumns(
      FeatureRegistry registry,
      HistoricalQuery query,
      String rowColumn,
      String foundPrefix,
      String requestPrefix) {
    this.registry = registry;
    this.query = query;
    this.rowColumn = rowColumn;
    this.foundPrefix = foundPrefix;
    this.requestPrefix = requestPrefix;
  }

  /**
   * Creates {@code table}: the row number, then one column per computed feature named as in the
   * result, filled from {@code joined}; {@code described} are the columns that name an entity row
   * in an error (its join keys and time).
   */
  void compute(Connection connection, String joined, String table, List<String> described)
      throws SQLException {
    List<RequestedFeature> computed = query.computed();
    List<String> definitions = new ArrayList<>();
    definitions.add(DuckDb.quote(rowColumn) + " BIGINT");
    for (RequestedFeature feature : computed) {
      definitions.add(
          DuckDb.quote(feature.column()) + " " + ParquetTypes.columnType(feature.feature().type()));
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + table + " (" + String.join(", ", definitions) + ")");
    }

    List<String> columns = new ArrayList<>();
    columns.add(DuckDb.quote(rowColumn));
    described.forEach(c -> columns.add(DuckDb.quote(c)));
    query.requestFields().forEach(f -> columns.add(DuckDb.quote(requestPrefix + f.name())));
    query.inputViews().forEach(v -> columns.add(DuckDb.quote(foundPrefix + v.name())));
    List<RequestedFeature> inputs = new ArrayList<>(query.joined());
    inputs.removeIf(f -> !f.column().startsWith(HistoricalQuery.INPUT_PREFIX));
    inputs.forEach(f -> columns.add(DuckDb.quote(f.column())));
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      position.put(columns.get(i), i + 1);
    }

    List<OnDemandFeatureViewSpec> views = new ArrayList<>();
    computed.stream().map(RequestedFeature::onDemand).distinct().forEach(views::add);
    try (DuckDBConnection appending = connection.unwrap(DuckDBConnection.class).duplicate();
        DuckDBAppender appender = appending.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT "
                    + String.join(", ", columns)
                    + " FROM "
                    + joined
                    + " ORDER BY "
                    + DuckDb.quote(rowColumn))) {
      long entityRow = 0;
      while (rows.next()) {
        Map<String, List<Object>> outputs = new HashMap<>();
        for (OnDemandFeatureViewSpec view : views) {
          outputs.put(view.name(), run(view, rows, position, described, entityRow));
        }
        appender.beginRow();
        appender.append(rows.getLong(1));
        for (RequestedFeature feature : computed) {
          List<Object> values = outputs.get(feature.onDemand().name());
          append(
              appender,
              values == null ? null : values.get(indexOf(feature.onDemand(), feature.feature())));
        }
        appender.endRow();
        entityRow++;
      }
    }
  }

  /** The outputs of {@code view} for the current row, or null when an input view had no row. */
  private List<Object> run(
      OnDemandFeatureViewSpec view,
      ResultSet row,
      Map<String, Integer> position,
      List<String> described,
      long entityRow)
      throws SQLException {
    List<List<Object>> inputs = new ArrayList<>(view.inputs().size());
    for (OnDemandFeatureViewSpec.Input input : view.inputs()) {
      List<Object> values = new ArrayList<>();
      if (input.request()) {
        RequestSourceSpec source = (RequestSourceSpec) registry.dataSource(input.name()).get();
        for (FeatureSpec field : source.fields()) {
          values.add(value(row, position, requestPrefix + field.name()));
        }
      } else {
        if (!row.getBoolean(position.get(DuckDb.quote(foundPrefix + input.name())))) {
          return null;
        }
        FeatureViewSpec inputView = registry.featureView(input.name()).get();
        for (FeatureSpec feature : inputView.features()) {
          values.add(
              value(row, position, HistoricalQuery.inputColumn(input.name(), feature.name())));
        }
      }
      inputs.add(values);
    }
    try {
      return view.transform().apply(inputs);
    } catch (RuntimeException e) {
      Map<String, Object> named = new LinkedHashMap<>();
      for (String column : described) {
        named.put(column, value(row, position, column));
      }
      for (FeatureSpec field : query.requestFields()) {
        named.put(field.name(), value(row, position, requestPrefix + field.name()));
      }
      throw new HistoricalRequestException(
          view.transformFailed(e) + " on entity row " + entityRow + " " + named);
    }
  }

  private static Object value(ResultSet row, Map<String, Integer> position, String column)
      throws SQLException {
    return ResultTables.plain(row.getObject(position.get(DuckDb.quote(column))));
  }

  private static void append(DuckDBAppender appender, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else if (value instanceof Long v) {
      appender.append(v.longValue());
    } else if (value instanceof Integer v) {
      appender.append(v.intValue());
    } else if (value instanceof Double v) {
      appender.append(v.doubleValue());
    } else if (value instanceof Float v) {
      appender.append(v.floatValue());
    } else if (value instanceof Boolean v) {
      appender.append(v.booleanValue());
    } else if (value instanceof String v) {
      appender.append(v);
    } else if (value instanceof byte[] v) {
      appender.append(v);
    } else if (value instanceof Instant v) {
      appender.append(OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
    } else if (value instanceof Collection<?> v) {
      appender.append(v);
    } else {
      throw new IllegalStateException("cannot append a " + value.getClass().getName());
    }
  }

  private static int indexOf(OnDemandFeatureViewSpec view, FeatureSpec feature) {
    return view.features().indexOf(feature);
  }
}
