package dev.freshet.bench.definitions;

import dev.freshet.annotations.RequestSource;

/** The fare a scoring request carries, as the entity rows' {@code fare} column in training. */
@RequestSource
public interface TripRequest {
  double fare();
}
