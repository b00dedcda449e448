package dev.freshet.sample;

import dev.freshet.annotations.FeatureService;
import dev.freshet.annotations.Select;

/** The second churn model reads every hourly stat. */
@FeatureService(features = @Select(view = DriverHourlyStats.class))
public interface ModelV2 {}
