package dev.freshet.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes feature values into one JSON document as Feast's feature server writes them: FLOAT as the
 * double value of the float ({@code 0.40458846f} prints {@code 0.4045884609222412}), BYTES as
 * base64, timestamps as epoch seconds, lists as arrays. Doubles are formatted into a buffer of its
 * own ({@link ShortestDecimal}), so a response's thousands of them leave no garbage.
 */
public final class JsonValueWriter {
  private final JsonGenerator out;
  private final char[] digits = new char[ShortestDecimal.MAX_CHARS];

  public JsonValueWriter(JsonGenerator out) {
    this.out = out;
  }

  public void write(Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Float f) {
      writeDouble(f);
    } else if (value instanceof Double d) {
      writeDouble(d);
    } else if (value instanceof Integer i) {
      out.writeNumber(i);
    } else if (value instanceof Long l) {
      out.writeNumber(l);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof byte[] bytes) {
      out.writeBinary(bytes);
    } else if (value instanceof Instant instant) {
      out.writeNumber(instant.getEpochSecond());
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object item : list) {
        write(item);
      }
      out.writeEndArray();
    } else {
      out.writeString(value.toString());
    }
  }

  private void writeDouble(double value) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.writeNumber(value); // as the generator is configured to write them
    } else {
      out.writeNumber(digits, 0, ShortestDecimal.write(value, digits));
    }
  }
}
