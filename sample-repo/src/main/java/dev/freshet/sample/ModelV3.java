package dev.freshet.sample;

import dev.freshet.annotations.FeatureService;
import dev.freshet.annotations.Select;

/** A model that reads the hourly conversion rate and its request-time adjustments. */
@FeatureService(
    features = {
      @Select(view = DriverHourlyStats.class, features = "conv_rate"),
      @Select(view = TransformedConvRate.class)
    })
public interface ModelV3 {}
