package dev.freshet.client;

import java.util.List;
import java.util.Map;

/**
 * Where typed clients get training data: point-in-time correct feature values for entity rows, as
 * of each row's {@code event_timestamp}. The runtime's {@code HistoricalFeatures} is one.
 */
public interface TrainingDataSource {
  /** The entity column holding each row's time. */
  String EVENT_TIMESTAMP = "event_timestamp";

  /**
   * @param featureService the service asked for, or empty when {@code features} are listed
   * @param entityRows join key columns by name and an {@link #EVENT_TIMESTAMP} column of {@code
   *     java.time.Instant}, all of one length
   * @return one column per feature, in the order of {@code features}, with one value per entity row
   *     (null where the entity had no value in the view's ttl): {@code Long}, {@code Integer},
   *     {@code Double}, {@code Float}, {@code Boolean}, {@code String}, {@code byte[]}, {@code
   *     java.time.Instant} or lists of those
   */
  List<List<Object>> read(
      String featureService, List<FeatureRef> features, Map<String, List<?>> entityRows);
}
