package dev.freshet.bench.definitions;

import dev.freshet.annotations.Aggregation;
import dev.freshet.annotations.AggregationFunction;
import dev.freshet.annotations.StreamFeatureView;

/** SUM of distance over a day sliding every hour, as the reference scenario's stream. */
@StreamFeatureView(source = RiderEvents.class, target = RiderActivity.class)
public interface RiderActivityStream {
  @Aggregation(function = AggregationFunction.SUM, column = "distance", window = "1d", slide = "1h")
  double dailyDistance();
}
