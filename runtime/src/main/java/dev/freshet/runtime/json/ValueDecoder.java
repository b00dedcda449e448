package dev.freshet.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.time.AcceptedTimes;
import dev.freshet.runtime.time.Instants;
import dev.freshet.spec.ValueType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The one rule by which a value in a request becomes a value of a declared type, for every
 * endpoint: join keys of online reads and historical requests, times of historical entity rows, and
 * every column of a push.
 *
 * <ul>
 *   <li>{@code INT64}, {@code INT32}: an integer, a number with no fraction, or a string of one,
 *       within the type's range.
 *   <li>{@code DOUBLE}, {@code FLOAT}: a number or a string of one, finite and within the type's
 *       range ({@code "NaN"}, {@code "Infinity"} and {@code 1e39} as a FLOAT are refused). Where
 *       non-finite values are accepted (a view's {@code acceptsNonFinite}), also the strings {@code
 *       "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, exactly so: a number that overflows the
 *       type is refused still.
 *   <li>{@code BOOL}: true or false, or a string of either in any case.
 *   <li>{@code STRING}: a string, or a number's or a boolean's text.
 *   <li>{@code BYTES}: a base64 string.
 *   <li>{@code UNIX_TIMESTAMP}: a string as {@link Instants} reads it, or an integer of epoch
 *       nanoseconds (as Feast's pandas reads one), within the {@link AcceptedTimes}.
 *   <li>lists: an array of the element type's values.
 * </ul>
 *
 * Values are first read as scalars, the same whether the body is parsed as a stream (reads) or as a
 * tree (pushes, historical requests): Long, Double, String (also for an integer too large for a
 * Long), Boolean, null, or a list of them. A value that cannot be read is a 422 that names where it
 * is; the name is built only then, since requests carry thousands of values.
 */
public final class ValueDecoder {
  private ValueDecoder() {}

  /**
   * The scalar at the parser's current token, element {@code index} of the array {@code array}.
   *
   * @throws RequestException when it is an array or an object
   */
  public static Object scalar(JsonParser in, String array, int index) throws IOException {
    JsonToken token = in.currentToken();
    return switch (token) {
      case VALUE_NUMBER_INT ->
          in.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? in.getText()
              : (Object) in.getLongValue();
      case VALUE_NUMBER_FLOAT -> in.getDoubleValue();
      case VALUE_STRING -> in.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw notAScalar(array + "[" + index + "]", JsonTokens.describe(token));
    };
  }

  /**
   * The scalar of a parsed value, or for an array the list of its scalars; {@code where} names it.
   */
  public static Object scalar(JsonNode value, String where) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isArray()) {
      List<Object> items = new ArrayList<>(value.size());
      for (int i = 0; i < value.size(); i++) {
        items.add(scalar(value.get(i), where + "[" + i + "]"));
      }
      return items;
    }
    if (value.isObject()) {
      throw notAScalar(where, "an object");
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.asText();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.asText();
  }

  /**
   * {@code value} (a scalar or a list of them) as {@code type}.
   *
   * @throws RequestException naming {@code where} when it cannot be
   */
  public static Object decode(Object value, ValueType type, String where) {
    return decode(value, type, where, false);
  }

  /**
   * {@code value} (a scalar or a list of them) as {@code type}, where {@code acceptsNonFinite} says
   * whether the strings NaN, Infinity and -Infinity are floating-point values.
   *
   * @throws RequestException naming {@code where} when it cannot be
   */
  public static Object decode(
      Object value, ValueType type, String where, boolean acceptsNonFinite) {
    if (type.isList()) {
      if (!(value instanceof List<?> items)) {
        throw RequestException.malformed(
            where + " is " + show(value) + "; " + type + " needs an array");
      }
      List<Object> typed = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        typed.add(
            decode(items.get(i), type.elementType(), where + "[" + i + "]", acceptsNonFinite));
      }
      return typed;
    }
    if (value instanceof List<?>) {
      throw RequestException.malformed(
          where + " holds an array; expected a number, a string or a boolean");
    }
    Object typed = acceptsNonFinite ? nonFinite(value, type) : null;
    if (typed == null) {
      typed = typed(value, type);
    }
    if (typed == null) {
      throw cannotRead(value, type, where);
    }
    if (typed instanceof Instant time && AcceptedTimes.refusal(time) != null) {
      throw RequestException.malformed(where + " is " + time + ", " + AcceptedTimes.refusal(time));
    }
    return typed;
  }

  /**
   * {@link #decode} of element {@code index} of the array {@code array}, named only for an error.
   */
  public static Object decode(Object value, ValueType type, String array, int index) {
    if (!type.isList() && !(value instanceof List<?>)) {
      Object typed = typed(value, type);
      if (typed != null && !(typed instanceof Instant)) {
        return typed;
      }
    }
    return decode(value, type, array + "[" + index + "]");
  }

  /** A time, as {@link ValueType#UNIX_TIMESTAMP} reads one. */
  public static Instant instant(Object value, String where) {
    return (Instant) decode(value, ValueType.UNIX_TIMESTAMP, where);
  }

  /** The NaN or infinity {@code value} spells as a {@code type}, or null when it spells none. */
  private static Object nonFinite(Object value, ValueType type) {
    if (!(value instanceof String text) || !NON_FINITE.contains(text)) {
      return null;
    }
    double d = Double.parseDouble(text);
    return switch (type) {
      case DOUBLE -> d;
      case FLOAT -> (float) d;
      default -> null;
    };
  }

  private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

  /** {@code value} as {@code type}, or null when it cannot be. */
  private static Object typed(Object value, ValueType type) {
    try {
      switch (type) {
        case INT64:
          if (value instanceof Long l) {
            return l;
          }
          if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
          }
          return value instanceof String s ? (Object) Long.parseLong(s.trim()) : null;
        case INT32:
          return typed(value, ValueType.INT64) instanceof Long wide && wide == wide.intValue()
              ? (Object) wide.intValue()
              : null;
        case DOUBLE:
          double d =
              value instanceof Number n
                  ? n.doubleValue()
                  : value instanceof String s ? Double.parseDouble(s.trim()) : Double.NaN;
          return Double.isFinite(d) ? (Object) d : null;
        case FLOAT:
          return typed(value, ValueType.DOUBLE) instanceof Double wide
                  && Math.abs(wide) <= Float.MAX_VALUE
              ? (Object) wide.floatValue()
              : null;
        case BOOL:
          if (value instanceof Boolean b) {
            return b;
          }
          return value instanceof String s
                  && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))
              ? (Object) Boolean.parseBoolean(s)
              : null;
        case STRING:
          return value instanceof String || value instanceof Number || value instanceof Boolean
              ? value.toString()
              : null;
        case BYTES:
          return value instanceof String s ? Base64.getDecoder().decode(s) : null;
        case UNIX_TIMESTAMP:
          if (value instanceof Long nanos) {
            return Instant.ofEpochSecond(
                Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
          }
          return value instanceof String text ? Instants.parse(text) : null;
        default:
          return null;
      }
    } catch (IllegalArgumentException e) {
      // not a number, not base64, not a time (NumberFormatException is one): cannot be read, as
      // below
      return null;
    }
  }

  private static RequestException cannotRead(Object value, ValueType type, String where) {
    if (value == null) {
      return RequestException.malformed(where + " is null, which cannot be read as " + type);
    }
    if (type == ValueType.UNIX_TIMESTAMP && value instanceof String text) {
      return RequestException.malformed(
          where
              + ": '"
              + text
              + "' is not a time; write "
              + Instants.SYNTAX
              + ", or an integer of epoch nanoseconds");
    }
    String hint =
        type == ValueType.BYTES
            ? "; write bytes as base64"
            : (type == ValueType.DOUBLE || type == ValueType.FLOAT)
                    && value instanceof String text
                    && NON_FINITE.contains(text)
                ? "; JSON has no NaN or infinities, and a view accepts them only where it declares"
                    + " @FeatureView(acceptsNonFinite = true)"
                : "";
    return RequestException.malformed(
        where + " is " + show(value) + ", which cannot be read as " + type + hint);
  }

  private static RequestException notAScalar(String where, String what) {
    return RequestException.malformed(
        where + " holds " + what + "; expected a number, a string or a boolean");
  }

  /** A value as a message shows it: strings quoted. */
  public static String show(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
