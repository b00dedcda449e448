package dev.freshet.client;

import java.util.List;
import java.util.Map;

/**
 * A request for features of many entities, answered in one round trip.
 *
 * @param featureService the service the features belong to, or empty when they are listed only
 * @param features the features, in the order the response returns them
 * @param entities one column of values per join key (all the same length), in join key order
 */
public record OnlineRequest(
    String featureService, List<FeatureRef> features, Map<String, List<?>> entities) {

  /** The number of entity rows. */
  public int rowCount() {
    return entities.isEmpty() ? 0 : entities.values().iterator().next().size();
  }
}
