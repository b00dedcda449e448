package dev.freshet.bench.definitions;

import dev.freshet.annotations.OnDemandFeatureView;

/**
 * The on-demand view of the benchmarks: two input views and a request value, a few arithmetic
 * operations, as a request-time feature typically is.
 */
@OnDemandFeatureView
public record RiderScore(double score, double farePerKm) {
  static RiderScore transform(RiderStats stats, RiderTrips trips, TripRequest request) {
    return new RiderScore(
        stats.f0() + stats.f1() + trips.distance() / (trips.trips() + 1),
        request.fare() / (trips.distance() + 1));
  }
}
