package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.freshet.spec.ValueType;
import java.io.IOException;

/** Values read from JSON requests, and typed as the join keys and features they are for. */
final class JsonValues {
  private JsonValues() {}

  /**
   * A JSON scalar at the parser's current token, element {@code index} of the array {@code array}:
   * Long, Double, String, Boolean or null. The element's name is only spelled out for an error:
   * requests carry thousands of values.
   */
  static Object scalar(JsonParser in, String array, int index) throws IOException {
    JsonToken token = in.currentToken();
    return switch (token) {
      case VALUE_NUMBER_INT -> in.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? in.getText() : in.getLongValue();
      case VALUE_NUMBER_FLOAT -> in.getDoubleValue();
      case VALUE_STRING -> in.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default ->
          throw ApiException.malformed(
              array + "[" + index + "] holds " + describe(token) + "; expected a number, a string or a boolean");
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
    Object typed = typed(value, type);
    if (typed == null) {
      throw cannotCoerce(value, type, what);
    }
    return typed;
  }

  /** {@link #coerce} for element {@code index} of the array {@code array}, named only for an error. */
  static Object coerce(Object value, ValueType type, String array, int index) {
    Object typed = typed(value, type);
    if (typed == null) {
      throw cannotCoerce(value, type, array + "[" + index + "]");
    }
    return typed;
  }

  private static ApiException cannotCoerce(Object value, ValueType type, String what) {
    return ApiException.malformed(what + " is " + show(value) + ", which cannot be read as " + type);
  }

  /** {@code value} as {@code type}, or null when it cannot be. */
  private static Object typed(Object value, ValueType type) {
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
          if (typed(value, ValueType.INT64) instanceof Long wide && wide == wide.intValue()) {
            return wide.intValue();
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
          if (typed(value, ValueType.DOUBLE) instanceof Double wide) {
            return wide.floatValue();
          }
          break;
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
    } catch (NumberFormatException e) {
      // a string that is not a number: cannot be read, as below
    }
    return null;
  }

  static String show(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
