package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.freshet.spec.ValueType;
import java.io.IOException;

/** Values read from JSON requests, and typed as the join keys and features they are for. */
final class JsonValues {
  private JsonValues() {}

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
