package dev.freshet.runtime.server.grpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshet.feast.proto.serving.PushRequest;
import dev.freshet.feast.proto.serving.WriteToOnlineStoreRequest;
import dev.freshet.feast.proto.types.Value;
import dev.freshet.runtime.push.Pushes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Push}: Feast's one row (strings in {@code features}, typed values in {@code
 * typed_features}, which win where both name a column) becomes the body of {@code POST /push},
 * which {@link Pushes} checks, types by the views' declarations and writes as it does every push:
 * one path, one set of checks and messages for both transports. {@code WriteToOnlineStore}'s row is
 * read the same way, as rows of its feature view alone.
 */
final class GrpcPushes {
  private static final JsonFactory JSON = new JsonFactory();

  private final Pushes pushes;

  GrpcPushes(Pushes pushes) {
    this.pushes = pushes;
  }

  void push(PushRequest request) {
    pushes.handle(body(request));
  }

  void writeToOnlineStore(WriteToOnlineStoreRequest request) {
    pushes.writeToOnlineStore(
        request.getFeatureViewName(),
        body(null, null, request.getFeaturesMap(), request.getTypedFeaturesMap()));
  }

  static byte[] body(PushRequest request) {
    return body(
        request.getStreamFeatureView(),
        request.getTo().isEmpty() ? "online" : request.getTo(),
        request.getFeaturesMap(),
        request.getTypedFeaturesMap());
  }

  /** {@code POST /push}'s body of one row; without a source and a target, only its {@code df}. */
  private static byte[] body(
      String source, String to, Map<String, String> features, Map<String, Value> typedFeatures) {
    Map<String, Object> row = new LinkedHashMap<>(features);
    for (Map.Entry<String, Value> typed : typedFeatures.entrySet()) {
      row.put(typed.getKey(), GrpcValues.scalar(typed.getValue()));
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (JsonGenerator out = JSON.createGenerator(body)) {
      out.writeStartObject();
      if (source != null) {
        out.writeStringField("push_source_name", source);
        out.writeStringField("to", to);
      }
      out.writeObjectFieldStart("df");
      for (Map.Entry<String, Object> column : row.entrySet()) {
        out.writeArrayFieldStart(column.getKey());
        write(out, column.getValue());
        out.writeEndArray();
      }
      out.writeEndObject();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return body.toByteArray();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Long v) {
      out.writeNumber(v);
    } else if (value instanceof Double v) {
      out.writeNumber(v);
    } else if (value instanceof Boolean v) {
      out.writeBoolean(v);
    } else if (value instanceof List<?> items) {
      out.writeStartArray();
      for (Object item : items) {
        write(out, item);
      }
      out.writeEndArray();
    } else {
      out.writeString(value.toString());
    }
  }
}
