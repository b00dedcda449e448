package dev.freshet.runtime.historical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.json.JsonBodies;
import dev.freshet.runtime.json.JsonValueWriter;
import dev.freshet.runtime.json.ValueDecoder;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /get-historical-features}: a point-in-time join for a few thousand entity rows given
 * in the request, answered as columns. Larger jobs use the command or the Java API, which read and
 * write files.
 *
 * <pre>{"features": ["driver_hourly_stats:conv_rate"] | "feature_service": "model_v1",
 *  "entities": {"driver_id": [1001], "event_timestamp": ["2021-04-12 10:59:42"]},
 *  "full_feature_names": false}
 * -> {"columns": {"driver_id": [1001], "event_timestamp": ["2021-04-12T10:59:42Z"], "conv_rate": [0.521...]}}
 * </pre>
 */
@Singleton
public class HistoricalRequests {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final HistoricalFeatures historical;
  private final int maxRows;

  public HistoricalRequests(HistoricalFeatures historical, ServingConfig config) {
    this.historical = historical;
    this.maxRows = config.getMaxEntityRows();
  }

  public byte[] handle(byte[] body) {
    JsonNode request = JsonBodies.object(body);
    boolean fullNames = request.path("full_feature_names").asBoolean(false);
    HistoricalQuery query = query(request, fullNames);
    HistoricalTable table = historical.read(query, entities(request, query));
    return write(table);
  }

  private HistoricalQuery query(JsonNode request, boolean fullNames) {
    JsonNode service = request.get("feature_service");
    JsonNode features = request.get("features");
    boolean hasService = service != null && !service.isNull();
    boolean hasFeatures = features != null && !features.isNull();
    if (hasService == hasFeatures) {
      throw RequestException.malformed(
          "give either features (an array of view:feature) or feature_service, not "
              + (hasService ? "both" : "neither"));
    }
    if (hasService) {
      if (!service.isTextual()) {
        throw RequestException.malformed("feature_service must be a string");
      }
      return historical.featureService(service.textValue(), fullNames);
    }
    if (!features.isArray()) {
      throw RequestException.malformed("features must be an array of view:feature strings");
    }
    List<String> references = new ArrayList<>();
    for (JsonNode feature : features) {
      if (!feature.isTextual()) {
        throw RequestException.malformed(
            "features must be an array of view:feature strings; found " + feature);
      }
      references.add(feature.textValue());
    }
    return historical.features(references, fullNames);
  }

  private EntityRows entities(JsonNode request, HistoricalQuery query) {
    JsonNode entities = request.get("entities");
    if (entities == null || !entities.isObject()) {
      throw RequestException.malformed(
          "entities must be an object of columns, e.g. {\"driver_id\": [1001], \"event_timestamp\": [\"2021-04-12 10:59:42\"]}");
    }
    Map<String, ValueType> keyTypes = new HashMap<>();
    for (RequestedFeature feature : query.joined()) {
      for (JoinKeySpec key : feature.view().joinKeys()) {
        keyTypes.putIfAbsent(key.name(), key.type());
      }
    }
    // The request fields of on-demand views, typed as declared, as the online API reads them.
    for (FeatureSpec field : query.requestFields()) {
      keyTypes.putIfAbsent(field.name(), field.type());
    }
    Map<String, List<?>> columns = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = entities.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> column = it.next();
      String name = column.getKey();
      if (!column.getValue().isArray()) {
        throw RequestException.malformed("entities." + name + " must be an array of values");
      }
      if (column.getValue().size() > maxRows) {
        throw new RequestException(
            ErrorKind.TOO_MANY_ROWS,
            "entities."
                + name
                + " has "
                + column.getValue().size()
                + " rows, more than "
                + maxRows
                + " (freshet.serving.max-entity-rows); write larger entity sets to a file and use get-historical-features");
      }
      List<Object> values = new ArrayList<>(column.getValue().size());
      int row = 0;
      for (JsonNode value : column.getValue()) {
        String where = "entities." + name + "[" + row++ + "]";
        values.add(value(name, value, keyTypes.get(name), where));
      }
      columns.put(name, values);
    }
    return new EntityRows.Columns(columns);
  }

  /**
   * A join key or request field as its type, the entity row's time as a time, any other column as
   * it came.
   */
  private static Object value(String column, JsonNode value, ValueType keyType, String where) {
    Object scalar = ValueDecoder.scalar(value, where);
    if (scalar instanceof List<?>) {
      throw RequestException.malformed(
          where + " holds an array; expected a number, a string or a boolean");
    }
    if (column.equals(EntityRows.EVENT_TIMESTAMP)) {
      return ValueDecoder.instant(scalar, where);
    }
    return scalar == null || keyType == null ? scalar : ValueDecoder.decode(scalar, keyType, where);
  }

  /** Columns in result order; times as ISO-8601 in UTC. */
  private static byte[] write(HistoricalTable table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
      JsonValueWriter writer = new JsonValueWriter(out);
      out.writeStartObject();
      out.writeFieldName("columns");
      out.writeStartObject();
      for (int column = 0; column < table.columns().size(); column++) {
        out.writeFieldName(table.columns().get(column));
        out.writeStartArray();
        for (List<Object> row : table.rows()) {
          Object value = row.get(column);
          if (value instanceof Instant instant) {
            out.writeString(instant.toString());
          } else {
            writer.write(value);
          }
        }
        out.writeEndArray();
      }
      out.writeEndObject();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
