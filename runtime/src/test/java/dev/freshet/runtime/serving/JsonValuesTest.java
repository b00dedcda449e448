package dev.freshet.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.spec.ValueType;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  @Test
  void requestValuesAreReadAsTheirKeysType() {
    assertThat(JsonValues.coerce(1001L, ValueType.INT64, "k")).isEqualTo(1001L);
    assertThat(JsonValues.coerce(" 1001 ", ValueType.INT64, "k")).isEqualTo(1001L);
    assertThat(JsonValues.coerce(1001.0, ValueType.INT64, "k")).isEqualTo(1001L);
    assertThat(JsonValues.coerce(2147483647L, ValueType.INT32, "k")).isEqualTo(2147483647);
    assertThat(JsonValues.coerce("-7", ValueType.INT32, "k")).isEqualTo(-7);
    assertThat(JsonValues.coerce(0.1, ValueType.FLOAT, "k")).isEqualTo(0.1f);
    assertThat(JsonValues.coerce("0.25", ValueType.FLOAT, "k")).isEqualTo(0.25f);
    assertThat(JsonValues.coerce(3L, ValueType.DOUBLE, "k")).isEqualTo(3.0);
    assertThat(JsonValues.coerce("TRUE", ValueType.BOOL, "k")).isEqualTo(true);
    assertThat(JsonValues.coerce(1001L, ValueType.STRING, "k")).isEqualTo("1001");
  }

  @Test
  void aValueThatCannotBeReadNamesItselfAndItsPlace() {
    assertThatThrownBy(() -> JsonValues.coerce(2147483648L, ValueType.INT32, "entities.id", 3))
        .isInstanceOf(ApiException.class)
        .hasMessage("entities.id[3] is 2147483648, which cannot be read as INT32");
    assertThatThrownBy(() -> JsonValues.coerce(1.5, ValueType.INT64, "entities.id", 0))
        .hasMessage("entities.id[0] is 1.5, which cannot be read as INT64");
    assertThatThrownBy(() -> JsonValues.coerce("x", ValueType.FLOAT, "df.rate[1]"))
        .hasMessage("df.rate[1] is \"x\", which cannot be read as FLOAT");
    assertThatThrownBy(() -> JsonValues.coerce(null, ValueType.INT64, "entities.id", 0))
        .hasMessage("entities.id[0] is null, which cannot be read as INT64");
    assertThatThrownBy(() -> JsonValues.coerce("yes", ValueType.BOOL, "k"))
        .hasMessage("k is \"yes\", which cannot be read as BOOL");
  }
}
