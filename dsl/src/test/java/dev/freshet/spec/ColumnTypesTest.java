package dev.freshet.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnTypesTest {

  @Test
  void integersAreReadIntoTypesTheyFit() {
    assertThat(ColumnTypes.accepts(ValueType.INT32, "INTEGER")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.INT32, "usmallint")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.INT32, "BIGINT")).isFalse();
    assertThat(ColumnTypes.accepts(ValueType.INT32, "UINTEGER")).isFalse();
    assertThat(ColumnTypes.accepts(ValueType.INT64, "BIGINT")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.INT64, "UINTEGER")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.INT64, "UBIGINT")).isFalse();
    assertThat(ColumnTypes.accepts(ValueType.INT64, "DOUBLE")).isFalse();
  }

  @Test
  void fractionsAcceptEveryNumber() {
    for (ValueType declared : new ValueType[] {ValueType.FLOAT, ValueType.DOUBLE}) {
      assertThat(ColumnTypes.accepts(declared, "FLOAT")).isTrue();
      assertThat(ColumnTypes.accepts(declared, "DOUBLE")).isTrue();
      assertThat(ColumnTypes.accepts(declared, "BIGINT")).isTrue();
      assertThat(ColumnTypes.accepts(declared, "DECIMAL(10,2)")).isTrue();
      assertThat(ColumnTypes.accepts(declared, "VARCHAR")).isFalse();
    }
  }

  @Test
  void otherTypesTakeTheirOwnColumnTypeAndListsTheirElements() {
    assertThat(ColumnTypes.accepts(ValueType.BOOL, "BOOLEAN")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.STRING, "VARCHAR")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.STRING, "BLOB")).isFalse();
    assertThat(ColumnTypes.accepts(ValueType.BYTES, "BLOB")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.UNIX_TIMESTAMP, "TIMESTAMP WITH TIME ZONE")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.UNIX_TIMESTAMP, "TIMESTAMP_NS")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.UNIX_TIMESTAMP, "DATE")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.UNIX_TIMESTAMP, "BIGINT")).isFalse();
    assertThat(ColumnTypes.accepts(ValueType.INT64_LIST, "INTEGER[]")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.STRING_LIST, "VARCHAR[]")).isTrue();
    assertThat(ColumnTypes.accepts(ValueType.INT64_LIST, "BIGINT")).isFalse();
    assertThat(ColumnTypes.accepts(ValueType.INT64, "BIGINT[]")).isFalse();
  }
}
