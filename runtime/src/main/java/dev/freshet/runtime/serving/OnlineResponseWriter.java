package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureStatus;
import dev.freshet.runtime.json.JsonValueWriter;
import dev.freshet.runtime.serving.ServingIndex.Feature;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feast's column-oriented {@code /get-online-features} response, streamed: the requested join keys'
 * columns (the request's values, PRESENT, at the epoch), then each feature's values, statuses and
 * event timestamps.
 */
final class OnlineResponseWriter {
  private static final JsonFactory JSON = new JsonFactory();

  /** Strings written thousands of times per response, encoded and quoted once. */
  private static final SerializedString EPOCH = new SerializedString("1970-01-01T00:00:00Z");

  private static final SerializedString[] STATUSES =
      Arrays.stream(FeatureStatus.values())
          .map(status -> new SerializedString(status.name()))
          .toArray(SerializedString[]::new);
  private static final SerializedString PRESENT = STATUSES[FeatureStatus.PRESENT.ordinal()];

  private OnlineResponseWriter() {}

  /**
   * Writes the response for {@code features} of the entity columns {@code typed}, their values
   * {@code columns}.
   */
  static void write(
      OutputStream response,
      List<Feature> features,
      boolean fullNames,
      Map<String, List<Object>> typed,
      List<FeatureColumn> columns) {
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
        out.writeString(feature.outputName(fullNames));
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

  private static void writeJoinKeyColumn(
      JsonGenerator out, JsonValueWriter writer, List<Object> values) throws IOException {
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

  private static void writeFeatureColumn(
      JsonGenerator out, JsonValueWriter writer, FeatureColumn column, TimestampTexts timestamps)
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
   * The entity columns that are join keys of the requested features, in the request's order; Feast
   * leaves out the others.
   */
  static List<String> requestedJoinKeys(Set<String> columns, List<Feature> features) {
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
