package dev.freshet.client;

/**
 * Fetches online features for a typed client: in process from the online store, or from a feature
 * server over HTTP. One call is one round trip.
 */
@FunctionalInterface
public interface FeatureTransport {
  /**
   * Reads {@code request}'s features for each of its entity rows.
   *
   * @throws FeatureClientException when the features cannot be read
   */
  OnlineResponse read(OnlineRequest request);
}
