package dev.freshet.runtime.materialize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.json.JsonBodies;
import dev.freshet.runtime.json.ValueDecoder;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Feast's {@code POST /materialize} ({@code {"start_ts": ..., "end_ts": ..., "feature_views": [...]
 * | null}}) and {@code /materialize-incremental} ({@code {"end_ts": ..., "feature_views": ...}}),
 * answered with what each view's run did: {@code {"views": [{"view": ..., "start": ..., "end": ...,
 * "rows_read": ..., "entities_written": ..., "skipped_as_older": ..., "note": ...}]}}.
 */
@Singleton
public class MaterializeRequests {
  private static final JsonFactory JSON = new JsonFactory();

  private final MaterializationJob job;

  public MaterializeRequests(MaterializationJob job) {
    this.job = job;
  }

  public byte[] materialize(byte[] body) {
    JsonNode request = JsonBodies.object(body);
    Instant start = time(request, "start_ts");
    Instant end = time(request, "end_ts");
    if (!start.isBefore(end)) {
      throw RequestException.malformed("start_ts " + start + " is not before end_ts " + end);
    }
    return write(job.materialize(views(request), start, end, MaterializationProgress.SILENT));
  }

  public byte[] materializeIncremental(byte[] body) {
    JsonNode request = JsonBodies.object(body);
    Instant end = time(request, "end_ts");
    return write(job.materializeIncremental(views(request), end, MaterializationProgress.SILENT));
  }

  private static Instant time(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      throw RequestException.malformed(field + " must be a time such as \"2021-01-01T00:00:00\"");
    }
    return ValueDecoder.instant(ValueDecoder.scalar(value, field), field);
  }

  private static List<String> views(JsonNode request) {
    JsonNode views = request.get("feature_views");
    List<String> names = new ArrayList<>();
    if (views == null || views.isNull()) {
      return names;
    }
    if (!views.isArray()) {
      throw RequestException.malformed(
          "feature_views must be an array of view names, or null for every online view");
    }
    for (int i = 0; i < views.size(); i++) {
      if (!views.get(i).isTextual()) {
        throw RequestException.malformed(
            "feature_views[" + i + "] must be a view's name, a string");
      }
      names.add(views.get(i).textValue());
    }
    return names;
  }

  private static byte[] write(List<ViewSummary> summaries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeArrayFieldStart("views");
      for (ViewSummary summary : summaries) {
        out.writeStartObject();
        out.writeStringField("view", summary.view());
        out.writeStringField("start", summary.start().toString());
        out.writeStringField("end", summary.end().toString());
        out.writeNumberField("rows_read", summary.rowsRead());
        out.writeNumberField("entities_written", summary.written());
        out.writeNumberField("skipped_as_older", summary.skippedAsOlder());
        if (!summary.note().isEmpty()) {
          out.writeStringField("note", summary.note());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
