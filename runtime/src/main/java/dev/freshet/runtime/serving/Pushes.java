package dev.freshet.runtime.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.offline.BatchSources;
import dev.freshet.runtime.offline.OfflineAppender;
import dev.freshet.runtime.offline.ParquetSource;
import dev.freshet.runtime.offline.ParquetTypes;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.time.Instants;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.ValueType;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /push}: rows for the views fed by a push source. The whole request is checked and
 * typed before any row is written; then each view is written newest-wins.
 */
@Singleton
public class Pushes {
  private final FeatureRegistry registry;
  private final BeanProvider<OnlineStore> store;
  private final int maxRows;
  private final FreshetConfig config;

  public Pushes(FeatureRegistry registry, BeanProvider<OnlineStore> store, ServingConfig serving, FreshetConfig config) {
    this.registry = registry;
    this.store = store;
    this.maxRows = serving.getMaxEntityRows();
    this.config = config;
  }

  /** The rows to write, per view, to the online store when {@code online}, and to the offline store when {@code offline} is set. */
  record Plan(boolean online, Map<FeatureViewSpec, List<PushedRow>> rows, OfflineRows offline) {}

  /** Rows for the batch source at {@code path}, a list of values per column, typed as its {@code schema}. */
  record OfflineRows(Path path, Map<String, String> schema, Map<String, List<Object>> columns, int rows) {}

  /**
   * Checks the whole push, writes the offline file (hidden), then the online rows, then makes the
   * offline file visible: a push that fails leaves the offline store as it was.
   */
  public void handle(byte[] body) {
    Plan plan = plan(body);
    OfflineRows offline = plan.offline();
    try (OfflineAppender.Pending pending =
        offline == null ? null : OfflineAppender.prepare(offline.path(), offline.schema(), offline.columns(), offline.rows())) {
      if (plan.online()) {
        OnlineStore online = store.get();
        plan.rows().forEach(online::write);
      }
      if (pending != null) {
        pending.commit();
      }
    }
  }

  Plan plan(byte[] body) {
    JsonNode request = JsonBodies.object(body);
    String to = request.path("to").isMissingNode() || request.path("to").isNull() ? "online" : text(request.get("to"), "to");
    if (!to.equals("online") && !to.equals("offline") && !to.equals("online_and_offline")) {
      throw ApiException.malformed("to is \"" + to + "\"; expected online, offline or online_and_offline");
    }
    JsonNode nameNode = request.get("push_source_name");
    if (nameNode == null || nameNode.isNull()) {
      throw ApiException.malformed("the request has no push_source_name");
    }
    String name = text(nameNode, "push_source_name");
    PushSourceSpec source = pushSource(name);
    FileSourceSpec batch = (FileSourceSpec) registry.dataSource(source.batchSource()).orElseThrow();
    JsonNode df = request.get("df");
    if (df == null || !df.isObject()) {
      throw ApiException.malformed("df must be an object of columns, e.g. \"df\": {\"driver_id\": [1001], ...}");
    }
    int rows = rowCount(df);

    Map<FeatureViewSpec, List<PushedRow>> plan = new LinkedHashMap<>();
    for (FeatureViewSpec view : registry.featureViews()) {
      if (view.source().equals(name)) {
        plan.put(view, rows(view, batch, df, rows));
      }
    }
    OfflineRows offline = to.equals("online") ? null : offlineRows(batch, df, rows);
    return new Plan(!to.equals("offline"), plan, offline);
  }

  /**
   * The push as rows of the batch source's file. The push must give every column a feature view
   * reads from that file, since a row with some of them null would shadow older values of the
   * others; the file's other columns may be left out (written as nulls).
   */
  private OfflineRows offlineRows(FileSourceSpec batch, JsonNode df, int rows) {
    Path path = config.resolve(batch.path());
    Map<String, String> schema = new ParquetSource(path).schema();
    Set<String> given = new LinkedHashSet<>();
    df.fieldNames().forEachRemaining(given::add);
    List<String> missing = readColumns(batch).stream().filter(column -> !given.contains(column)).toList();
    List<String> extra = given.stream().filter(column -> !schema.containsKey(column)).toList();
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new ApiException(
          422, "OfflinePushMismatch",
          "to push to the offline store, df needs the columns the feature views read from batch source '" + batch.name() + "' "
              + readColumns(batch) + (missing.isEmpty() ? "" : "; missing " + missing)
              + (extra.isEmpty() ? "" : "; not columns of " + path.getFileName() + ": " + extra) + " (nothing was written)");
    }
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    for (Map.Entry<String, String> column : schema.entrySet()) {
      JsonNode values = df.get(column.getKey());
      List<Object> typed = new ArrayList<>(rows);
      if (values == null) {
        typed.addAll(Collections.nCopies(rows, null));
      } else {
        ValueType type = offlineType(batch, column.getKey(), column.getValue());
        for (int row = 0; row < rows; row++) {
          JsonNode value = values.get(row);
          typed.add(value.isNull() ? null : value(value, type, "df." + column.getKey() + "[" + row + "]"));
        }
      }
      columns.put(column.getKey(), typed);
    }
    return new OfflineRows(path, schema, columns, rows);
  }

  /** The columns of {@code batch} that some feature view reads: join keys, times and features. */
  private Set<String> readColumns(FileSourceSpec batch) {
    Set<String> columns = new LinkedHashSet<>();
    for (FeatureViewSpec view : registry.featureViews()) {
      if (BatchSources.of(registry, view).filter(batch::equals).isEmpty()) {
        continue;
      }
      view.joinKeys().forEach(key -> columns.add(batch.columnFor(key.name())));
      columns.add(batch.timestampField());
      if (!batch.createdTimestampColumn().isEmpty()) {
        columns.add(batch.createdTimestampColumn());
      }
      view.features().forEach(feature -> columns.add(batch.columnFor(feature.name())));
    }
    return columns;
  }

  /** The value type a push supplies a Parquet column of {@code columnType} as. */
  private static ValueType offlineType(FileSourceSpec batch, String column, String columnType) {
    String type = columnType.toUpperCase(Locale.ROOT);
    if (!OfflineAppender.writable(type)) {
      throw new ApiException(
          422, "OfflinePushUnsupported",
          "column '" + column + "' of batch source '" + batch.name() + "' has type " + columnType + ", which a push cannot write offline (nothing was written)");
    }
    if (ParquetTypes.isTimestamp(type)) {
      return ValueType.UNIX_TIMESTAMP;
    }
    if (type.equals("FLOAT")) {
      return ValueType.FLOAT;
    }
    if (type.equals("DOUBLE") || type.startsWith("DECIMAL")) {
      return ValueType.DOUBLE;
    }
    if (type.equals("BOOLEAN")) {
      return ValueType.BOOL;
    }
    if (type.equals("VARCHAR")) {
      return ValueType.STRING;
    }
    return ValueType.INT64;
  }

  private PushSourceSpec pushSource(String name) {
    for (DataSourceSpec source : registry.dataSources()) {
      if (source instanceof PushSourceSpec push && push.name().equals(name)) {
        return push;
      }
    }
    List<String> known = registry.dataSources().stream().filter(s -> s instanceof PushSourceSpec).map(DataSourceSpec::name).toList();
    throw new ApiException(422, "PushSourceNotFound", "push source '" + name + "' does not exist" + ServingIndex.hint(name, known));
  }

  private int rowCount(JsonNode df) {
    int rows = -1;
    String first = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = df.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> column = it.next();
      if (!column.getValue().isArray()) {
        throw ApiException.malformed("df." + column.getKey() + " must be an array of values");
      }
      int size = column.getValue().size();
      if (rows < 0) {
        rows = size;
        first = column.getKey();
      } else if (size != rows) {
        throw ApiException.malformed(
            "df columns differ in length: " + first + " has " + rows + " values, " + column.getKey() + " has " + size);
      }
    }
    if (rows <= 0) {
      throw ApiException.malformed("df holds no rows");
    }
    if (rows > maxRows) {
      throw new ApiException(413, "TooManyRows", "df has " + rows + " rows, more than " + maxRows + " (freshet.serving.max-entity-rows)");
    }
    return rows;
  }

  private List<PushedRow> rows(FeatureViewSpec view, FileSourceSpec batch, JsonNode df, int rows) {
    List<PushedRow> out = new ArrayList<>(rows);
    JsonNode timestamps = column(df, batch.timestampField(), view);
    JsonNode created = batch.createdTimestampColumn().isEmpty() ? null : column(df, batch.createdTimestampColumn(), view);
    List<JsonNode> keys = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      keys.add(column(df, key.name(), view));
    }
    List<JsonNode> features = new ArrayList<>();
    for (FeatureSpec feature : view.features()) {
      features.add(column(df, feature.name(), view));
    }
    for (int row = 0; row < rows; row++) {
      List<Object> keyValues = new ArrayList<>(keys.size());
      for (int k = 0; k < keys.size(); k++) {
        JoinKeySpec key = view.joinKeys().get(k);
        JsonNode value = keys.get(k).get(row);
        String where = "df." + key.name() + "[" + row + "]";
        if (value.isNull()) {
          throw ApiException.malformed(where + " is null; a join key needs a value");
        }
        keyValues.add(JsonValues.coerce(scalar(value), key.type(), where));
      }
      Instant eventTimestamp = instant(timestamps.get(row), "df." + batch.timestampField() + "[" + row + "]");
      Instant createdTimestamp =
          created == null || created.get(row).isNull()
              ? null
              : instant(created.get(row), "df." + batch.createdTimestampColumn() + "[" + row + "]");
      List<Object> values = new ArrayList<>(features.size());
      for (int f = 0; f < features.size(); f++) {
        FeatureSpec feature = view.features().get(f);
        String where = "df." + feature.name() + "[" + row + "]";
        JsonNode value = features.get(f).get(row);
        if (value.isNull()) {
          if (!feature.nullable()) {
            throw ApiException.malformed(where + " is null, but feature " + feature.name() + " of " + view.name() + " is not nullable");
          }
          values.add(null);
        } else {
          values.add(value(value, feature.type(), where));
        }
      }
      out.add(new PushedRow(keyValues, eventTimestamp, createdTimestamp, values));
    }
    return out;
  }

  private static JsonNode column(JsonNode df, String name, FeatureViewSpec view) {
    JsonNode column = df.get(name);
    if (column == null) {
      throw ApiException.malformed("df lacks column '" + name + "', which feature view '" + view.name() + "' needs");
    }
    return column;
  }

  private static Object value(JsonNode value, ValueType type, String where) {
    if (type.isList()) {
      if (!value.isArray()) {
        throw ApiException.malformed(where + " must be an array for " + type);
      }
      List<Object> items = new ArrayList<>(value.size());
      for (int i = 0; i < value.size(); i++) {
        items.add(value(value.get(i), type.elementType(), where + "[" + i + "]"));
      }
      return items;
    }
    return switch (type) {
      case UNIX_TIMESTAMP -> instant(value, where);
      case BYTES -> {
        try {
          yield Base64.getDecoder().decode(text(value, where));
        } catch (IllegalArgumentException e) {
          throw ApiException.malformed(where + " is not base64");
        }
      }
      default -> JsonValues.coerce(scalar(value), type, where);
    };
  }

  private static Object scalar(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.asText();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    return value.toString();
  }

  /** A time: text as {@link Instants} reads it; an integer as epoch nanoseconds, as Feast reads it. */
  private static Instant instant(JsonNode value, String where) {
    if (value == null || value.isNull()) {
      throw ApiException.malformed(where + " is null; a timestamp needs a value");
    }
    if (value.isIntegralNumber()) {
      long nanos = value.longValue();
      return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
    try {
      return Instants.parse(text(value, where));
    } catch (IllegalArgumentException e) {
      throw ApiException.malformed(where + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode value, String where) {
    if (!value.isTextual()) {
      throw ApiException.malformed(where + " must be a string");
    }
    return value.textValue();
  }
}
