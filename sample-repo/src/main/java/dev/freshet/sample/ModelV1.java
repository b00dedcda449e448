package dev.freshet.sample;

import dev.freshet.annotations.FeatureService;
import dev.freshet.annotations.Select;

/** The first churn model reads the conversion rate only. */
@FeatureService(features = @Select(view = DriverHourlyStats.class, features = "conv_rate"))
public interface ModelV1 {}
