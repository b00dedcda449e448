package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.freshet.spec.ValueType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Feature values to and from JSON, as Feast's feature server writes and reads them. */
final class JsonValues {
  private JsonValues() {}

  /**
   * Writes a stored value: FLOAT as the double value of the float ({@code 0.40458846f} prints
   * {@code 0.4045884609222412}), BYTES as base64, timestamps as epoch seconds, lists as arrays.
   */
  static void write(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Float f) {
      out.writeNumber((double) f);
    } else if (value instanceof Double d) {
      out.writeNumber(d);
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
        write(out, item);
      }
      out.writeEndArray();
    } else {
      out.writeString(value.toString());
    }
  }

  /** A JSON scalar at the parser's current token: Long, Double, String, Boolean or null. */
  static Object scalar(JsonParser in, String where) throws IOException {
    JsonToken token = in.currentToken();
    return switch (token) {
      case VALUE_NUMBER_INT -> in.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? in.getText() : in.getLongValue();
      case VALUE_NUMBER_FLOAT -> in.getDoubleValue();
      case VALUE_STRING -> in.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw ApiException.malformed(where + " holds " + describe(token) + "; expected a number, a string or a boolean");
    };
  }

  static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  /**
   * A request value as {@code type}: numbers, numeric strings ("1001" for an INT64 key) and, for
   * strings, numbers' text.
   *
   * @throws ApiException naming {@code what} when it cannot be
   */
  static Object coerce(Object value, ValueType type, String what) {
    try {
      switch (type) {
        case INT64:
          if (value instanceof Long l) {
            return l;
          }
          if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
          }
          if (value instanceof String s) {
            return Long.parseLong(s.trim());
          }
          break;
        case INT32:
          long wide = (Long) coerce(value, ValueType.INT64, what);
          if (wide == (int) wide) {
            return (int) wide;
          }
          break;
        case DOUBLE:
          if (value instanceof Number n) {
            return n.doubleValue();
          }
          if (value instanceof String s) {
            return Double.parseDouble(s.trim());
          }
          break;
        case FLOAT:
          return (float) (double) (Double) coerce(value, ValueType.DOUBLE, what);
        case BOOL:
          if (value instanceof Boolean b) {
            return b;
          }
          if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
          }
          break;
        case STRING:
          if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException | ApiException | ClassCastException e) {
      // reported below, naming the value
    }
    throw ApiException.malformed(what + " is " + show(value) + ", which cannot be read as " + type);
  }

  static String show(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
