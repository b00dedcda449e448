package dev.freshet.sample;

import dev.freshet.annotations.FeatureView;

/** The miles a driver drove in the last day, pushed fresh by the stream below. */
@FeatureView(entities = Driver.class, source = DriverStatsPushSource.class, ttl = "8640000000s")
public interface DriverDailyFeatures {
  float dailyMilesDriven();
}
