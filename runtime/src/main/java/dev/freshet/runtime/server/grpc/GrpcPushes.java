package dev.freshet.runtime.server.grpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshet.feast.proto.serving.PushRequest;
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
 * one path, one set of checks and messages for both transports.
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

  static byte[] body(PushRequest request) {
    Map<String, Object> row = new LinkedHashMap<>(request.getFeaturesMap());
    for (Map.Entry<String, Value> typed : request.getTypedFeaturesMap().entrySet()) {
      row.put(typed.getKey(), GrpcValues.scalar(typed.getValue()));
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (JsonGenerator out = JSON.createGenerator(body)) {
      out.writeStartObject();
      out.writeStringField("push_source_name", request.getStreamFeatureView());
      out.writeStringField("to", request.getTo().isEmpty() ? "online" : request.getTo());
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
