package dev.freshet.runtime.online.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.spec.ValueType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stored {@code Value} messages gRPC may pass on as they are, as a value of which type. */
class ValuesPassThroughTest {
  @Test
  void whatTheEncoderWritesPassesAsItsOwnType() {
    assertThat(Values.passesAs(Values.encode(0.25f, ValueType.FLOAT), ValueType.FLOAT)).isTrue();
    assertThat(Values.passesAs(Values.encode(0.25, ValueType.DOUBLE), ValueType.DOUBLE)).isTrue();
    assertThat(Values.passesAs(Values.encode(-7, ValueType.INT32), ValueType.INT32)).isTrue();
    assertThat(Values.passesAs(Values.encode(1L << 40, ValueType.INT64), ValueType.INT64)).isTrue();
    assertThat(Values.passesAs(Values.encode(true, ValueType.BOOL), ValueType.BOOL)).isTrue();
    assertThat(
            Values.passesAs(
                Values.encode(Instant.ofEpochSecond(1_647_266_400L), ValueType.UNIX_TIMESTAMP),
                ValueType.UNIX_TIMESTAMP))
        .isTrue();
    assertThat(Values.passesAs(Values.encode("abc", ValueType.STRING), ValueType.STRING)).isTrue();
    assertThat(
            Values.passesAs(
                Values.encode(new byte[] {(byte) 0xff, 0}, ValueType.BYTES), ValueType.BYTES))
        .isTrue();
    // Fields 16 to 18 have two-byte tags.
    assertThat(
            Values.passesAs(
                Values.encode(List.of(0.5f, 1.5f), ValueType.FLOAT_LIST), ValueType.FLOAT_LIST))
        .isTrue();
    assertThat(
            Values.passesAs(Values.encode(List.of(true), ValueType.BOOL_LIST), ValueType.BOOL_LIST))
        .isTrue();
    assertThat(
            Values.passesAs(
                Values.encode(List.of(1L, 2L), ValueType.INT64_LIST), ValueType.INT64_LIST))
        .isTrue();
  }

  @Test
  void anotherTypeTheEmptyMessageOrTrailingBytesDoNotPass() {
    byte[] aDouble = Values.encode(0.25, ValueType.DOUBLE);
    assertThat(Values.passesAs(aDouble, ValueType.FLOAT)).isFalse();
    assertThat(Values.passesAs(Values.encode(3L, ValueType.INT64), ValueType.INT32)).isFalse();
    assertThat(Values.passesAs(new byte[0], ValueType.DOUBLE)).isFalse();
    assertThat(Values.passesAs(null, ValueType.DOUBLE)).isFalse();
    assertThat(Values.passesAs(Arrays.copyOf(aDouble, aDouble.length + 1), ValueType.DOUBLE))
        .isFalse();
    assertThat(Values.passesAs(Arrays.copyOf(aDouble, aDouble.length - 1), ValueType.DOUBLE))
        .isFalse();
    byte[] aString = Values.encode("abc", ValueType.STRING);
    assertThat(Values.passesAs(Arrays.copyOf(aString, aString.length - 1), ValueType.STRING))
        .isFalse();
    // A varint that runs past the message.
    assertThat(Values.passesAs(new byte[] {0x20, (byte) 0x80}, ValueType.INT64)).isFalse();
  }

  @Test
  void stringsPassOnlyInAsciiAndListsOfStringsNever() {
    assertThat(Values.passesAs(Values.encode("größe", ValueType.STRING), ValueType.STRING))
        .isFalse();
    assertThat(
            Values.passesAs(
                Values.encode(List.of("a"), ValueType.STRING_LIST), ValueType.STRING_LIST))
        .isFalse();
  }
}
