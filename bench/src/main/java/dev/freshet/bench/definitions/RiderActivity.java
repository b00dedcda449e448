package dev.freshet.bench.definitions;

import dev.freshet.annotations.FeatureView;

/** The stream benchmark's target: distance over the last day. */
@FeatureView(entities = Rider.class, source = RiderPush.class)
public interface RiderActivity {
  double dailyDistance();
}
