package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.json.JsonTokens;
import dev.freshet.runtime.json.RequestJson;
import dev.freshet.runtime.json.ValueDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feast's {@code /get-online-features} request read with a streaming parser: {@code {"features":
 * ["view:feature", ...] | "feature_service": "...", "entities": {"driver_id": [1001, ...]},
 * "full_feature_names": false}}. Entity values are read as scalars here and typed once the join
 * keys they are for are known.
 */
final class OnlineRequestReader {
  private static final JsonFactory JSON = RequestJson.FACTORY;

  /** What a request asks for, as read. */
  record Request(
      List<String> features,
      String featureService,
      Map<String, List<Object>> entities,
      boolean fullNames) {}

  private final int maxEntityRows;

  OnlineRequestReader(int maxEntityRows) {
    this.maxEntityRows = maxEntityRows;
  }

  Request read(byte[] body) {
    List<String> features = null;
    String featureService = null;
    Map<String, List<Object>> entities = null;
    boolean fullNames = false;
    try (JsonParser in = JSON.createParser(body)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw RequestException.notAnObject(body);
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        JsonToken value = in.nextToken();
        switch (field) {
          case "features" -> features = strings(in, value, "features");
          case "feature_service" ->
              featureService =
                  value == JsonToken.VALUE_NULL ? null : string(in, value, "feature_service");
          case "full_feature_names" -> {
            if (value != JsonToken.VALUE_TRUE
                && value != JsonToken.VALUE_FALSE
                && value != JsonToken.VALUE_NULL) {
              throw RequestException.malformed(
                  "full_feature_names holds "
                      + JsonTokens.describe(value)
                      + "; expected true or false");
            }
            fullNames = value == JsonToken.VALUE_TRUE;
          }
          case "entities" -> entities = entities(in, value);
          default -> in.skipChildren();
        }
      }
      if (in.nextToken() != null) {
        throw RequestException.trailing(in.currentLocation());
      }
    } catch (JsonProcessingException e) {
      throw RequestException.notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (entities == null) {
      throw RequestException.malformed(
          "the request has no entities; give them as columns, e.g. \"entities\": {\"driver_id\": [1001]}");
    }
    return new Request(features, featureService, entities, fullNames);
  }

  private static String string(JsonParser in, JsonToken token, String field) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw notAString(field, token);
    }
    return in.getText();
  }

  private static RequestException notAString(String field, JsonToken token) {
    return RequestException.malformed(
        field + " holds " + JsonTokens.describe(token) + "; expected a string");
  }

  private static List<String> strings(JsonParser in, JsonToken token, String field)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw RequestException.malformed(
          field + " holds " + JsonTokens.describe(token) + "; expected an array of strings");
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
      throw RequestException.malformed(
          "entities holds " + JsonTokens.describe(token) + "; expected an object of columns");
    }
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String key = in.currentName();
      JsonToken start = in.nextToken();
      if (start != JsonToken.START_ARRAY) {
        throw RequestException.malformed(
            "entities."
                + key
                + " holds "
                + JsonTokens.describe(start)
                + "; expected an array of values");
      }
      String column = "entities." + key;
      List<Object> values = new ArrayList<>();
      for (JsonToken item = in.nextToken(); item != JsonToken.END_ARRAY; item = in.nextToken()) {
        if (values.size() == maxEntityRows) {
          throw new RequestException(
              ErrorKind.TOO_MANY_ROWS,
              column
                  + " has more than "
                  + maxEntityRows
                  + " rows (freshet.serving.max-entity-rows); split the request");
        }
        values.add(ValueDecoder.scalar(in, column, values.size()));
      }
      columns.put(key, values);
    }
    return columns;
  }
}
