package dev.freshet.runtime.json;

import com.fasterxml.jackson.core.JsonToken;

/** JSON tokens as error messages name them. */
public final class JsonTokens {
  private JsonTokens() {}

  /** "an array", "a string", "null", ...: what a value is, for "x holds an array; expected ...". */
  public static String describe(JsonToken token) {
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
}
