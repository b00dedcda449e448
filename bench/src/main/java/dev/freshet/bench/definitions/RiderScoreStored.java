package dev.freshet.bench.definitions;

import dev.freshet.annotations.FeatureView;

/**
 * What {@code rider_score} computes, stored instead: the on-demand serving benchmark's baseline of
 * the same answer read from the store rather than computed. Its values are written by the harness.
 */
@FeatureView(entities = Rider.class, source = RiderSource.class)
public interface RiderScoreStored {
  double score();

  double farePerKm();
}
