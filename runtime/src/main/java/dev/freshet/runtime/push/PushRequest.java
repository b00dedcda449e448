package dev.freshet.runtime.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.json.JsonBodies;
import dev.freshet.runtime.offline.BatchSources;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.Suggestions;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Feast's push request, checked as a whole: {@code {"push_source_name": ..., "df": {column:
 * [values]}, "to": "online" | "offline" | "online_and_offline"}}. Its values are typed later, per
 * view ({@link OnlineRows}) and per file column ({@link OfflineRows}). A write to one view's online
 * rows ({@link #toView}) has no push source.
 */
record PushRequest(
    PushSourceSpec source,
    FileSourceSpec batch,
    JsonNode df,
    int rows,
    boolean online,
    boolean offline) {

  static PushRequest parse(byte[] body, FeatureRegistry registry, int maxRows) {
    JsonNode request = JsonBodies.object(body);
    JsonNode toNode = request.get("to");
    String to = toNode == null || toNode.isNull() ? "online" : text(toNode, "to");
    if (!to.equals("online") && !to.equals("offline") && !to.equals("online_and_offline")) {
      throw RequestException.malformed(
          "to is \"" + to + "\"; expected online, offline or online_and_offline");
    }
    JsonNode nameNode = request.get("push_source_name");
    if (nameNode == null || nameNode.isNull()) {
      throw RequestException.malformed("the request has no push_source_name");
    }
    PushSourceSpec source = pushSource(registry, text(nameNode, "push_source_name"));
    FileSourceSpec batch = (FileSourceSpec) registry.dataSource(source.batchSource()).orElseThrow();
    JsonNode df = df(request);
    return new PushRequest(
        source, batch, df, rowCount(df, maxRows), !to.equals("offline"), !to.equals("online"));
  }

  /**
   * Feast's {@code write_to_online_store}: {@code {"feature_view_name": ..., "df": {column:
   * [values]}}}, rows of one view written online past its sources, read as a push to that view
   * alone (its batch source's timestamp columns).
   */
  static PushRequest toView(
      byte[] body, FeatureViewSpec view, FeatureRegistry registry, int maxRows) {
    JsonNode df = df(JsonBodies.object(body));
    FileSourceSpec batch = BatchSources.of(registry, view).orElseThrow();
    return new PushRequest(null, batch, df, rowCount(df, maxRows), true, false);
  }

  /** The request's {@code df}, an object of columns. */
  private static JsonNode df(JsonNode request) {
    JsonNode df = request.get("df");
    if (df == null || !df.isObject()) {
      throw RequestException.malformed(
          "df must be an object of columns, e.g. \"df\": {\"driver_id\": [1001], ...}");
    }
    return df;
  }

  private static PushSourceSpec pushSource(FeatureRegistry registry, String name) {
    for (DataSourceSpec source : registry.dataSources()) {
      if (source instanceof PushSourceSpec push && push.name().equals(name)) {
        return push;
      }
    }
    List<String> known =
        registry.dataSources().stream()
            .filter(s -> s instanceof PushSourceSpec)
            .map(DataSourceSpec::name)
            .toList();
    throw new RequestException(
        ErrorKind.PUSH_SOURCE_NOT_FOUND, Suggestions.doesNotExist("push source", name, known));
  }

  private static int rowCount(JsonNode df, int maxRows) {
    int rows = -1;
    String first = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = df.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> column = it.next();
      if (!column.getValue().isArray()) {
        throw RequestException.malformed("df." + column.getKey() + " must be an array of values");
      }
      int size = column.getValue().size();
      if (rows < 0) {
        rows = size;
        first = column.getKey();
      } else if (size != rows) {
        throw RequestException.malformed(
            "df columns differ in length: "
                + first
                + " has "
                + rows
                + " values, "
                + column.getKey()
                + " has "
                + size);
      }
    }
    if (rows <= 0) {
      throw RequestException.malformed("df holds no rows");
    }
    if (rows > maxRows) {
      throw new RequestException(
          ErrorKind.TOO_MANY_ROWS,
          "df has " + rows + " rows, more than " + maxRows + " (freshet.serving.max-entity-rows)");
    }
    return rows;
  }

  static String text(JsonNode value, String where) {
    if (!value.isTextual()) {
      throw RequestException.malformed(where + " must be a string");
    }
    return value.textValue();
  }
}
