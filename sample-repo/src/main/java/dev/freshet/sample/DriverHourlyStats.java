package dev.freshet.sample;

import dev.freshet.annotations.FeatureView;
import dev.freshet.annotations.Tag;

/**
 * A driver's hourly conversion rate, acceptance rate and miles, materialized every hour when the
 * server schedules materialization.
 */
@FeatureView(
    entities = Driver.class,
    source = DriverStatsSource.class,
    ttl = "8640000000s",
    schedule = "1h",
    tags = @Tag(key = "production", value = "True"))
public interface DriverHourlyStats {
  float convRate();

  float accRate();

  float milesDriven();
}
