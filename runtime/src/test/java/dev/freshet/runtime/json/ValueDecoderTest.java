package dev.freshet.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.spec.ValueType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one table of how a request's JSON value reads as each type, the same whether the body is
 * parsed as a stream (online reads) or as a tree (pushes, historical requests): each row is decoded
 * both ways, and both must give the expected value (shown as {@code String.valueOf}, bytes as a
 * list) or the expected error.
 */
class ValueDecoderTest {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final JsonFactory STREAM = new JsonFactory();

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "1001 | INT64 | 1001",
        "`\" 1001 \"` | INT64 | 1001",
        "1001.0 | INT64 | 1001",
        "-9223372036854775808 | INT64 | -9223372036854775808",
        "2147483647 | INT32 | 2147483647",
        "`\"-7\"` | INT32 | -7",
        "0.1 | FLOAT | 0.1",
        "`\"0.25\"` | FLOAT | 0.25",
        "3 | DOUBLE | 3.0",
        "1e308 | DOUBLE | 1.0E308",
        "true | BOOL | true",
        "`\"TRUE\"` | BOOL | true",
        "1001 | STRING | 1001",
        "1.5 | STRING | 1.5",
        "false | STRING | false",
        "`\"AQID\"` | BYTES | [1, 2, 3]",
        "`\"2021-04-12 10:59:42\"` | UNIX_TIMESTAMP | 2021-04-12T10:59:42Z",
        "`\"2021-04-12T12:59:42+02:00\"` | UNIX_TIMESTAMP | 2021-04-12T10:59:42Z",
        "`\"2021-04-12\"` | UNIX_TIMESTAMP | 2021-04-12T00:00:00Z",
        "1618225182000000001 | UNIX_TIMESTAMP | 2021-04-12T10:59:42.000000001Z",
        "`[1, \"2\"]` | INT64_LIST | [1, 2]",
        "`[0.5]` | DOUBLE_LIST | [0.5]",
      })
  void aValueReadsAsItsType(String json, ValueType type, String expected) throws Exception {
    assertThat(show(ValueDecoder.decode(ValueDecoder.scalar(TREE.readTree(json), "x"), type, "x")))
        .isEqualTo(expected);
    if (!type.isList()) {
      assertThat(show(ValueDecoder.decode(streamed(json), type, "entities.x", 0)))
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "2147483648 | INT32 | x[0] is 2147483648, which cannot be read as INT32",
        "1.5 | INT64 | x[0] is 1.5, which cannot be read as INT64",
        "1e30 | INT64 | x[0] is 1.0E30, which cannot be read as INT64",
        "9223372036854775808 | INT64 | x[0] is \"9223372036854775808\", which cannot be read as INT64",
        "`\"one\"` | INT64 | x[0] is \"one\", which cannot be read as INT64",
        "null | INT64 | x[0] is null, which cannot be read as INT64",
        "`\"x\"` | FLOAT | x[0] is \"x\", which cannot be read as FLOAT",
        "1e39 | FLOAT | x[0] is 1.0E39, which cannot be read as FLOAT",
        "`\"NaN\"` | DOUBLE | x[0] is \"NaN\", which cannot be read as DOUBLE; JSON has no NaN or infinities, and a view accepts them only where it declares @FeatureView(acceptsNonFinite = true)",
        "`\"Infinity\"` | DOUBLE | x[0] is \"Infinity\", which cannot be read as DOUBLE; JSON has no NaN or infinities, and a view accepts them only where it declares @FeatureView(acceptsNonFinite = true)",
        "`\"-Infinity\"` | FLOAT | x[0] is \"-Infinity\", which cannot be read as FLOAT; JSON has no NaN or infinities, and a view accepts them only where it declares @FeatureView(acceptsNonFinite = true)",
        "1e400 | DOUBLE | x[0] is Infinity, which cannot be read as DOUBLE",
        "`\"yes\"` | BOOL | x[0] is \"yes\", which cannot be read as BOOL",
        "`\"%%\"` | BYTES | x[0] is \"%%\", which cannot be read as BYTES; write bytes as base64",
        "1.5 | UNIX_TIMESTAMP | x[0] is 1.5, which cannot be read as UNIX_TIMESTAMP",
        "`\"soon\"` | UNIX_TIMESTAMP | x[0]: 'soon' is not a time; write ISO-8601 such as 2022-03-14T14:00:00Z or 2022-03-14T16:00:00+02:00, a time without offset (UTC) such as 2022-03-14 14:00:00, or a date such as 2022-03-14, or an integer of epoch nanoseconds",
        "`[1]` | INT64 | x[0] holds an array; expected a number, a string or a boolean",
        "`{\"a\": 1}` | STRING | x[0] holds an object; expected a number, a string or a boolean",
        "7 | INT64_LIST | x[0] is 7; INT64_LIST needs an array",
      })
  void aValueThatCannotBeReadNamesItselfAndItsPlace(String json, ValueType type, String message)
      throws Exception {
    assertThatThrownBy(
            () ->
                ValueDecoder.decode(ValueDecoder.scalar(TREE.readTree(json), "x[0]"), type, "x[0]"))
        .isInstanceOf(RequestException.class)
        .hasMessage(message);
    if (!json.startsWith("[") && !json.startsWith("{") && !type.isList()) {
      assertThatThrownBy(() -> ValueDecoder.decode(streamed(json), type, "x", 0))
          .isInstanceOf(RequestException.class)
          .hasMessage(message);
    }
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`\"NaN\"` | DOUBLE | NaN",
        "`\"Infinity\"` | DOUBLE | Infinity",
        "`\"-Infinity\"` | FLOAT | -Infinity",
        "`[\"NaN\", 0.5]` | FLOAT_LIST | [NaN, 0.5]",
        "0.5 | DOUBLE | 0.5",
      })
  void nonFiniteValuesReadWhereAccepted(String json, ValueType type, String expected)
      throws Exception {
    assertThat(
            show(
                ValueDecoder.decode(
                    ValueDecoder.scalar(TREE.readTree(json), "x"), type, "x", true)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "1e39 | FLOAT | x is 1.0E39, which cannot be read as FLOAT",
        "1e400 | DOUBLE | x is Infinity, which cannot be read as DOUBLE",
        "`\"nan\"` | DOUBLE | x is \"nan\", which cannot be read as DOUBLE",
        "`\"NaN\"` | INT64 | x is \"NaN\", which cannot be read as INT64",
      })
  void overflowAndOtherSpellingsAreRefusedEvenWhereNonFiniteValuesAreAccepted(
      String json, ValueType type, String message) throws Exception {
    assertThatThrownBy(
            () ->
                ValueDecoder.decode(ValueDecoder.scalar(TREE.readTree(json), "x"), type, "x", true))
        .isInstanceOf(RequestException.class)
        .hasMessage(message);
  }

  /** The scalar a streaming parser reads for {@code json}. */
  private static Object streamed(String json) throws Exception {
    try (JsonParser in = STREAM.createParser(json)) {
      in.nextToken();
      return ValueDecoder.scalar(in, "x", 0);
    }
  }

  private static String show(Object value) {
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    if (value instanceof Instant || value instanceof List<?>) {
      return value.toString();
    }
    return String.valueOf(value);
  }
}
