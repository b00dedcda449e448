package dev.freshet.sample;

import dev.freshet.annotations.Aggregation;
import dev.freshet.annotations.AggregationFunction;
import dev.freshet.annotations.StreamFeatureView;

/**
 * Keeps {@code driver_daily_features:daily_miles_driven} fresh: the sum of {@code miles_driven}
 * over a one-day window sliding every hour.
 */
@StreamFeatureView(source = DriverEvents.class, target = DriverDailyFeatures.class)
public interface DriverDailyMilesStream {
  @Aggregation(
      function = AggregationFunction.SUM,
      column = "miles_driven",
      window = "1d",
      slide = "1h")
  float dailyMilesDriven();
}
