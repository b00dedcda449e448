package dev.freshet.runtime.serving;

import dev.freshet.client.FeatureColumn;
import dev.freshet.runtime.serving.ServingIndex.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A read's answer before a transport writes it, for transports that do not write Feast's JSON
 * (gRPC): the requested join keys' columns (the request's typed values), then one column per
 * feature.
 *
 * @param joinKeys the entity columns that are join keys of the requested features, request order
 * @param entities the typed entity columns, by join key
 * @param features the requested features, request order; {@link #names()} names their columns
 * @param columns each feature's values, statuses and event timestamps
 */
public record OnlineAnswer(
    List<String> joinKeys,
    Map<String, List<Object>> entities,
    List<Feature> features,
    boolean fullNames,
    List<FeatureColumn> columns) {

  /** The names of the response's columns: the join keys, then the features' (full) names. */
  public List<String> names() {
    List<String> names = new ArrayList<>(joinKeys.size() + features.size());
    names.addAll(joinKeys);
    for (Feature feature : features) {
      names.add(feature.outputName(fullNames));
    }
    return names;
  }
}
