package dev.freshet.sample;

import dev.freshet.annotations.FeatureView;
import dev.freshet.annotations.Tag;

/** A driver's hourly conversion rate, acceptance rate and miles. */
@FeatureView(
    entities = Driver.class,
    source = DriverStatsSource.class,
    ttl = "8640000000s",
    tags = @Tag(key = "production", value = "True"))
public interface DriverHourlyStats {
  float convRate();

  float accRate();

  float milesDriven();
}
