package dev.freshet.runtime.online;

import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Views and rows for online store and serving tests, shaped like the reference scenario. */
public final class TestRows {
  static final FeatureViewSpec HOURLY =
      new FeatureViewSpec(
          "driver_hourly_stats",
          List.of("driver"),
          List.of(new JoinKeySpec("driver_id", ValueType.INT64)),
          "driver_stats_source",
          Duration.ofSeconds(8_640_000_000L),
          true,
          List.of(
              new FeatureSpec("conv_rate", ValueType.FLOAT, false),
              new FeatureSpec("acc_rate", ValueType.FLOAT, false),
              new FeatureSpec("note", ValueType.STRING, true)),
          "",
          Map.of(),
          "");

  static final FeatureViewSpec DAILY =
      new FeatureViewSpec(
          "driver_daily_features",
          List.of("driver"),
          List.of(new JoinKeySpec("driver_id", ValueType.INT64)),
          "driver_stats_push_source",
          Duration.ZERO,
          true,
          List.of(new FeatureSpec("daily_miles_driven", ValueType.FLOAT, false)),
          "",
          Map.of(),
          "");

  /** A row of a view keyed by one INT64 join key (the driver's, in the reference scenario). */
  public record Row(long driverId, Instant eventTimestamp, Object... values) implements FeatureRow {
    @Override
    public List<Object> joinKeyValues() {
      return List.of(driverId);
    }

    @Override
    public Instant createdTimestamp() {
      return null;
    }

    @Override
    public List<Object> featureValues() {
      return Arrays.asList(values);
    }
  }

  static Row hourly(long driverId, String at, float convRate, float accRate, String note) {
    return new Row(driverId, Instant.parse(at), convRate, accRate, note);
  }

  static Row daily(long driverId, String at, float miles) {
    return new Row(driverId, Instant.parse(at), miles);
  }

  static ViewRead readHourly(Long... driverIds) {
    return new ViewRead(
        HOURLY,
        List.of("conv_rate", "acc_rate", "note"),
        Arrays.stream(driverIds).map(id -> List.<Object>of(id)).toList());
  }

  static ViewRead readDaily(Long... driverIds) {
    return new ViewRead(
        DAILY,
        List.of("daily_miles_driven"),
        Arrays.stream(driverIds).map(id -> List.<Object>of(id)).toList());
  }

  private TestRows() {}
}
