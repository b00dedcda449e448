package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.config.ServingConfig;
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
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /push}: rows for the views fed by a push source. The whole request is checked and
 * typed before any row is written; then each view is written newest-wins.
 */
@Singleton
public class Pushes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FeatureRegistry registry;
  private final BeanProvider<OnlineStore> store;
  private final int maxRows;

  public Pushes(FeatureRegistry registry, BeanProvider<OnlineStore> store, ServingConfig config) {
    this.registry = registry;
    this.store = store;
    this.maxRows = config.getMaxEntityRows();
  }

  /** The rows to write, per view. */
  record Plan(Map<FeatureViewSpec, List<PushedRow>> rows) {}

  public void handle(byte[] body) {
    Plan plan = plan(body);
    OnlineStore online = store.get();
    plan.rows().forEach(online::write);
  }

  Plan plan(byte[] body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.notJson(e);
    } catch (IOException e) {
      throw ApiException.malformed("the request body cannot be read: " + e.getMessage());
    }
    if (request == null || !request.isObject()) {
      throw ApiException.malformed("the request body is not a JSON object");
    }
    String to = request.path("to").isMissingNode() || request.path("to").isNull() ? "online" : text(request.get("to"), "to");
    if (!to.equals("online") && !to.equals("offline") && !to.equals("online_and_offline")) {
      throw ApiException.malformed("to is \"" + to + "\"; expected online, offline or online_and_offline");
    }
    if (!to.equals("online")) {
      throw new ApiException(
          422,
          "OfflineStoreNotConfigured",
          "this server has no offline store to push to; push with \"to\": \"online\" (nothing was written)");
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
    return new Plan(plan);
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
