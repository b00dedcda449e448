package dev.freshet.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesEveryUnitIsoAndZero() {
    assertThat(Durations.parse("0")).contains(Duration.ZERO);
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("8640000000s")).contains(Duration.ofSeconds(8_640_000_000L));
    assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
    assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
    assertThat(Durations.parse("2w")).contains(Duration.ofDays(14));
    assertThat(Durations.parse("PT1H30M")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse(" 1d ")).contains(Duration.ofDays(1));
  }

  @Test
  void rejectsWhatIsNotADuration() {
    assertThat(Durations.parse("8640000000")).isEmpty();
    assertThat(Durations.parse("1 day")).isEmpty();
    assertThat(Durations.parse("-1h")).isEmpty();
    assertThat(Durations.parse("PT-1H")).isEmpty();
    assertThat(Durations.parse("")).isEmpty();
    assertThat(Durations.parse("99999999999999999999w")).isEmpty();
  }

  @Test
  void formatsInTheLargestUnitThatDividesIt() {
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0");
    assertThat(Durations.format(Duration.ofSeconds(8_640_000_000L))).isEqualTo("100000d");
    assertThat(Durations.format(Duration.ofDays(14))).isEqualTo("2w");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.format(Duration.ofSeconds(61))).isEqualTo("61s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }

  @Test
  void valueTypesKnowTheirListsAndElements() {
    assertThat(ValueType.FLOAT.listType()).isEqualTo(ValueType.FLOAT_LIST);
    assertThat(ValueType.UNIX_TIMESTAMP_LIST.elementType()).isEqualTo(ValueType.UNIX_TIMESTAMP);
    assertThat(ValueType.INT64.protoField()).isEqualTo(4);
    assertThat(ValueType.BYTES_LIST.isList()).isTrue();
  }
}
