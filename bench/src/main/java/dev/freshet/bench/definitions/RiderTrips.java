package dev.freshet.bench.definitions;

import dev.freshet.annotations.FeatureView;

/** Two features with a one-day ttl, so that the retrieval benchmark exercises the ttl bound. */
@FeatureView(entities = Rider.class, source = RiderTripsSource.class, ttl = "1d")
public interface RiderTrips {
  long trips();

  double distance();
}
