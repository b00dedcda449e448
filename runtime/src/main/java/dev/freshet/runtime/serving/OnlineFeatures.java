package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureStatus;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.logging.FeatureLogs;
import dev.freshet.runtime.serving.ServingIndex.Feature;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /get-online-features}: parses Feast's request with a streaming parser, reads every
 * view and entity in one round trip to the online store, and streams Feast's column-oriented
 * response.
 */
@Singleton
public class OnlineFeatures {
  private static final JsonFactory JSON = new JsonFactory();
  /** Strings written thousands of times per response, encoded and quoted once. */
  private static final SerializedString EPOCH = new SerializedString("1970-01-01T00:00:00Z");
  private static final SerializedString[] STATUSES =
      Arrays.stream(FeatureStatus.values()).map(status -> new SerializedString(status.name())).toArray(SerializedString[]::new);
  private static final SerializedString PRESENT = STATUSES[FeatureStatus.PRESENT.ordinal()];

  /** What a response's buffer starts at: a 1-entity answer fits, larger ones grow it. */
  static final int FIRST_RESPONSE_BUFFER_SIZE = 16 * 1024;

  private final ServingIndex index;
  private final ServedStore store;
  private final int maxEntityRows;
  private final MeterRegistry meters;
  private final FeatureLogs featureLogs;
  /** One timer per feature service, looked up once rather than rebuilt per request. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public OnlineFeatures(
      ServingIndex index, ServedStore store, ServingConfig config, MeterRegistry meters, FeatureLogs featureLogs) {
    this.featureLogs = featureLogs;
    this.index = index;
    this.store = store;
    this.maxEntityRows = config.getMaxEntityRows();
    this.meters = meters;
  }

  /** What a request asks for, as parsed. */
  record Request(List<String> features, String featureService, Map<String, List<Object>> entities, boolean fullNames) {}

  /** Answers a request; the response is written to {@code response} only once it is known to succeed. */
  public void handle(byte[] body, OutputStream response) {
    long started = System.nanoTime();
    Request request = parse(body);
    List<Feature> features = resolve(request);
    respond(request, features, Instant.now(), response);
    timers
        .computeIfAbsent(request.featureService() == null ? "-" : request.featureService(), this::timer)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String featureService) {
    return Timer.builder("freshet.online.features")
        .description("Time to answer /get-online-features, per feature service ('-' for listed features)")
        .tag("feature_service", featureService)
        .publishPercentileHistogram()
        .register(meters);
  }

  Request parse(byte[] body) {
    List<String> features = null;
    String featureService = null;
    Map<String, List<Object>> entities = null;
    boolean fullNames = false;
    try (JsonParser in = JSON.createParser(body)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw ApiException.notAnObject(body);
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        JsonToken value = in.nextToken();
        switch (field) {
          case "features" -> features = strings(in, value, "features");
          case "feature_service" -> featureService = value == JsonToken.VALUE_NULL ? null : string(in, value, "feature_service");
          case "full_feature_names" -> {
            if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE && value != JsonToken.VALUE_NULL) {
              throw ApiException.malformed("full_feature_names holds " + JsonValues.describe(value) + "; expected true or false");
            }
            fullNames = value == JsonToken.VALUE_TRUE;
          }
          case "entities" -> entities = entities(in, value);
          default -> in.skipChildren();
        }
      }
    } catch (StreamReadException e) {
      throw ApiException.notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (entities == null) {
      throw ApiException.malformed("the request has no entities; give them as columns, e.g. \"entities\": {\"driver_id\": [1001]}");
    }
    return new Request(features, featureService, entities, fullNames);
  }

  private static String string(JsonParser in, JsonToken token, String field) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw notAString(field, token);
    }
    return in.getText();
  }

  private static ApiException notAString(String field, JsonToken token) {
    return ApiException.malformed(field + " holds " + JsonValues.describe(token) + "; expected a string");
  }

  private static List<String> strings(JsonParser in, JsonToken token, String field) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw ApiException.malformed(field + " holds " + JsonValues.describe(token) + "; expected an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonToken item = in.nextToken(); item != JsonToken.END_ARRAY; item = in.nextToken()) {
      if (item != JsonToken.VALUE_STRING) { // the element's name spelled out only for an error
        throw notAString(field + "[" + values.size() + "]", item);
      }
      values.add(in.getText());
    }
    return values;
  }

  private Map<String, List<Object>> entities(JsonParser in, JsonToken token) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      throw ApiException.malformed("entities holds " + JsonValues.describe(token) + "; expected an object of columns");
    }
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String key = in.currentName();
      JsonToken start = in.nextToken();
      if (start != JsonToken.START_ARRAY) {
        throw ApiException.malformed("entities." + key + " holds " + JsonValues.describe(start) + "; expected an array of values");
      }
      String column = "entities." + key;
      List<Object> values = new ArrayList<>();
      for (JsonToken item = in.nextToken(); item != JsonToken.END_ARRAY; item = in.nextToken()) {
        if (values.size() == maxEntityRows) {
          throw new ApiException(
              413,
              "TooManyEntities",
              column + " has more than " + maxEntityRows
                  + " rows (freshet.serving.max-entity-rows); split the request");
        }
        values.add(JsonValues.scalar(in, column, values.size()));
      }
      columns.put(key, values);
    }
    return columns;
  }

  List<Feature> resolve(Request request) {
    if (request.featureService() != null) {
      return index.service(request.featureService());
    }
    if (request.features() == null || request.features().isEmpty()) {
      throw ApiException.malformed("the request names no features; give \"features\": [\"view:feature\", ...] or \"feature_service\"");
    }
    List<Feature> features = new ArrayList<>(request.features().size());
    for (String reference : request.features()) {
      features.add(index.feature(reference));
    }
    return features;
  }

  private void respond(Request request, List<Feature> features, Instant now, OutputStream response) {
    int rows = checkEntities(request);
    Set<String> outputNames = new HashSet<>(2 * features.size());
    for (Feature feature : features) {
      if (!outputNames.add(feature.outputName(request.fullNames()))) {
        throw ApiException.malformed(
            "two requested features are named '" + feature.outputName(false)
                + "'; ask with \"full_feature_names\": true to tell them apart");
      }
    }

    Map<String, List<Object>> typed = new LinkedHashMap<>();
    for (Map.Entry<String, List<Object>> column : request.entities().entrySet()) {
      ValueType type = index.joinKeyType(column.getKey());
      if (type == null) {
        continue; // not a join key of any view: ignored, as Feast does
      }
      String name = "entities." + column.getKey();
      List<Object> values = new ArrayList<>(rows);
      for (int row = 0; row < rows; row++) {
        values.add(JsonValues.coerce(column.getValue().get(row), type, name, row));
      }
      typed.put(column.getKey(), values);
    }
    List<FeatureColumn> columns = OnlineLookup.lookup(store.get(), features, typed, rows, now);
    if (featureLogs.logs(request.featureService())) {
      featureLogs.record(request.featureService(), typed, columns, rows, now);
    }

    try (JsonGenerator out = JSON.createGenerator(response)) {
      JsonValueWriter writer = new JsonValueWriter(out);
      List<String> joinKeys = requestedJoinKeys(typed.keySet(), features);
      out.writeStartObject();
      out.writeObjectFieldStart("metadata");
      out.writeArrayFieldStart("feature_names");
      for (String key : joinKeys) {
        out.writeString(key);
      }
      for (Feature feature : features) {
        out.writeString(feature.outputName(request.fullNames()));
      }
      out.writeEndArray();
      out.writeEndObject();
      out.writeArrayFieldStart("results");
      for (String key : joinKeys) {
        writeJoinKeyColumn(out, writer, typed.get(key));
      }
      TimestampTexts timestamps = new TimestampTexts();
      for (FeatureColumn column : columns) {
        writeFeatureColumn(out, writer, column, timestamps);
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks the entity columns: none empty, all as long; returns the number of rows. */
  private static int checkEntities(Request request) {
    int rows = -1;
    String first = null;
    for (Map.Entry<String, List<Object>> column : request.entities().entrySet()) {
      if (column.getValue().isEmpty()) {
        throw ApiException.malformed("entities." + column.getKey() + " is empty; give at least one entity");
      }
      if (rows < 0) {
        rows = column.getValue().size();
        first = column.getKey();
      } else if (column.getValue().size() != rows) {
        throw ApiException.malformed(
            "entity columns differ in length: " + first + " has " + rows + " values, " + column.getKey() + " has "
                + column.getValue().size());
      }
    }
    if (rows < 0) {
      throw ApiException.malformed("the entities are empty; give them as columns, e.g. \"entities\": {\"driver_id\": [1001]}");
    }
    return rows;
  }

  private static void writeJoinKeyColumn(JsonGenerator out, JsonValueWriter writer, List<Object> values) throws IOException {
    out.writeStartObject();
    out.writeArrayFieldStart("values");
    for (Object value : values) {
      writer.write(value);
    }
    out.writeEndArray();
    out.writeArrayFieldStart("statuses");
    for (int row = 0; row < values.size(); row++) {
      out.writeString(PRESENT);
    }
    out.writeEndArray();
    out.writeArrayFieldStart("event_timestamps");
    for (int row = 0; row < values.size(); row++) {
      out.writeString(EPOCH);
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void writeFeatureColumn(JsonGenerator out, JsonValueWriter writer, FeatureColumn column, TimestampTexts timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeArrayFieldStart("values");
    for (Object value : column.values()) {
      writer.write(value);
    }
    out.writeEndArray();
    out.writeArrayFieldStart("statuses");
    for (FeatureStatus status : column.statuses()) {
      out.writeString(STATUSES[status.ordinal()]);
    }
    out.writeEndArray();
    out.writeArrayFieldStart("event_timestamps");
    for (Instant timestamp : column.eventTimestamps()) {
      out.writeString(timestamps.text(timestamp));
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  /**
   * The entity columns that are join keys of the requested features, in the request's order;
   * Feast leaves out the others.
   */
  private static List<String> requestedJoinKeys(Set<String> columns, List<Feature> features) {
    List<String> keys = new ArrayList<>(columns.size());
    for (String column : columns) {
      FeatureViewSpec checked = null;
      for (Feature feature : features) {
        if (feature.view() != checked) { // a view's features usually come together
          checked = feature.view();
          if (hasJoinKey(checked, column)) {
            keys.add(column);
            break;
          }
        }
      }
    }
    return keys;
  }

  private static boolean hasJoinKey(FeatureViewSpec view, String name) {
    for (JoinKeySpec key : view.joinKeys()) {
      if (key.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A response's event timestamps as quoted JSON strings, each formatted once: a view's features
   * share their rows' timestamps, and rows of one entity or written together often share one.
   */
  private static final class TimestampTexts {
    private final Map<Instant, SerializedString> formatted = new HashMap<>();
    private Instant last;
    private SerializedString lastText;

    SerializedString text(Instant timestamp) {
      if (!timestamp.equals(last)) {
        lastText = formatted.computeIfAbsent(timestamp, t -> new SerializedString(t.toString()));
        last = timestamp;
      }
      return lastText;
    }
  }
}
