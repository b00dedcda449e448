package dev.freshet.runtime.online.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test vectors of Feast's Redis layout (shared/docs/feast-redis-layout.md). */
class FeastLayoutTest {
  private static final HexFormat HEX = HexFormat.of();

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  private static String ascii(String text) {
    return HEX.formatHex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void int32KeyOfProjectTest() {
    byte[] key =
        EntityKeys.redisKey(
            List.of(new JoinKeySpec("entity", ValueType.INT32)), List.of(1), "test");
    assertThat(hex(key))
        .isEqualTo(
            "01000000"
                + "02000000"
                + "06000000"
                + ascii("entity")
                + "03000000"
                + "04000000"
                + "01000000"
                + ascii("test"));
  }

  @Test
  void int64DriverKeyOfProjectFeastDemo() {
    byte[] key =
        EntityKeys.redisKey(
            List.of(new JoinKeySpec("driver_id", ValueType.INT64)), List.of(1001L), "feast_demo");
    assertThat(hex(key))
        .isEqualTo(
            "01000000"
                + "02000000"
                + "09000000"
                + ascii("driver_id")
                + "04000000"
                + "08000000"
                + "e903000000000000"
                + ascii("feast_demo"));
  }

  @Test
  void compositeKeysAreSortedByName() {
    byte[] key =
        EntityKeys.serialize(
            List.of(new JoinKeySpec("b", ValueType.STRING), new JoinKeySpec("a", ValueType.INT32)),
            List.of("x", 2));
    assertThat(hex(key))
        .isEqualTo(
            "02000000"
                + "02000000"
                + "01000000"
                + ascii("a")
                + "02000000"
                + "01000000"
                + ascii("b")
                + "03000000"
                + "04000000"
                + "02000000"
                + "02000000"
                + "01000000"
                + ascii("x"));
  }

  @Test
  void fieldHashes() {
    assertThat(hex(FieldHashes.field("feature_view_1", "feature_10"))).isEqualTo("266d5f39");
    assertThat(hex(FieldHashes.field("feature_view_1", "feature_11"))).isEqualTo("c3379abf");
    assertThat(hex(FieldHashes.field("feature_view_1", "feature_12"))).isEqualTo("7772b564");
    assertThat(hex(FieldHashes.field("driver_hourly_stats", "conv_rate"))).isEqualTo("6160e3da");
    assertThat(hex(FieldHashes.field("driver_hourly_stats", "acc_rate"))).isEqualTo("fa5e58ad");
    assertThat(hex(FieldHashes.field("driver_hourly_stats", "avg_daily_trips")))
        .isEqualTo("18a5e5a3");
  }

  @Test
  void values() {
    assertThat(hex(Values.encode(123L, ValueType.INT64))).isEqualTo("207b");
    assertThat(hex(Values.encode(0.5, ValueType.DOUBLE))).isEqualTo("29000000000000e03f");
    assertThat(hex(Values.encode(0.5f, ValueType.FLOAT))).isEqualTo("350000003f");
    assertThat(hex(Values.encode("hi", ValueType.STRING))).isEqualTo("12026869");
    assertThat(Values.encode(null, ValueType.FLOAT)).isEmpty();
    assertThat(hex(Values.encode(0L, ValueType.INT64)))
        .as("a set oneof member is encoded even at 0")
        .isEqualTo("2000");
  }

  @Test
  void timestamp() {
    assertThat(hex(Timestamps.encode(Instant.parse("2021-01-01T00:00:00Z"))))
        .isEqualTo("0880ccb9ff05");
    assertThat(Timestamps.decode(HEX.parseHex("0880ccb9ff05")))
        .isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    Instant withNanos = Instant.parse("2022-03-14T14:00:00.123456789Z");
    assertThat(Timestamps.decode(Timestamps.encode(withNanos))).isEqualTo(withNanos);
    for (String time :
        new String[] {
          "1970-01-01T00:00:00Z",
          "1970-01-01T00:00:01Z",
          "1969-12-31T23:59:59Z",
          "1900-01-01T00:00:00.5Z",
          "9999-12-31T23:59:59Z"
        }) {
      assertThat(Timestamps.decode(Timestamps.encode(Instant.parse(time))))
          .isEqualTo(Instant.parse(time));
    }
    // Fields in another order than Freshet writes them, as another writer may.
    assertThat(Timestamps.decode(HEX.parseHex("10010880ccb9ff05")))
        .isEqualTo(Instant.parse("2021-01-01T00:00:00.000000001Z"));
  }

  @Test
  void valuesRoundTripEveryType() {
    assertThat(Values.decode(Values.encode(0.40458846f, ValueType.FLOAT))).isEqualTo(0.40458846f);
    assertThat(Values.decode(Values.encode(7, ValueType.INT32))).isEqualTo(7);
    assertThat(Values.decode(Values.encode(true, ValueType.BOOL))).isEqualTo(true);
    assertThat(Values.decode(Values.encode(new byte[] {1, 2}, ValueType.BYTES)))
        .isEqualTo(new byte[] {1, 2});
    assertThat(
            Values.decode(
                Values.encode(Instant.ofEpochSecond(1_600_000_000L), ValueType.UNIX_TIMESTAMP)))
        .isEqualTo(Instant.ofEpochSecond(1_600_000_000L));
    assertThat(Values.decode(Values.encode(List.of(1.5f, -2f), ValueType.FLOAT_LIST)))
        .isEqualTo(List.of(1.5f, -2f));
    assertThat(Values.decode(Values.encode(List.of(1L, 300L), ValueType.INT64_LIST)))
        .isEqualTo(List.of(1L, 300L));
    assertThat(Values.decode(Values.encode(List.of("a", ""), ValueType.STRING_LIST)))
        .isEqualTo(List.of("a", ""));
    assertThat(Values.decode(Values.encode(List.of(), ValueType.DOUBLE_LIST))).isEqualTo(List.of());
    assertThat(Values.decode(new byte[0])).isNull();
  }

  @Test
  void floatListIsPackedAsProto3WritesIt() {
    // Value{float_list_val(16) = FloatList{val: [0.5]}}: 82 01 06 0a 04 0000003f
    assertThat(hex(Values.encode(List.of(0.5f), ValueType.FLOAT_LIST)))
        .isEqualTo("8201060a040000003f");
  }

  @Test
  void scalarFastPathsDecodeAsTheStreamDoes() {
    for (float f :
        new float[] {
          0f, -0f, 0.40458846f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN, -1.5e-30f
        }) {
      assertThat(Values.decode(Values.encode(f, ValueType.FLOAT))).isEqualTo(f);
    }
    for (double d :
        new double[] {0d, 0.4045884609222412, -Double.MAX_VALUE, Double.MIN_VALUE, 1e300}) {
      assertThat(Values.decode(Values.encode(d, ValueType.DOUBLE))).isEqualTo(d);
    }
    assertThat(Values.decode(HEX.parseHex("350000003f"))).isEqualTo(0.5f);
    assertThat(Values.decode(HEX.parseHex("29000000000000e03f"))).isEqualTo(0.5);
  }
}
