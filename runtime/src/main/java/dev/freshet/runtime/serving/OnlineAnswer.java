package dev.freshet.runtime.serving;

import dev.freshet.client.FeatureColumn;
import dev.freshet.runtime.serving.ServingIndex.Feature;
import java.util.List;
import java.util.Map;

/**
 * A read's answer before a transport writes it, for transports that do not write Feast's JSON
 * (gRPC): the requested join keys' columns (the request's typed values), then one column per
 * feature.
 *
 * @param entities the typed entity columns, by join key
 * @param features the requested features, request order
 * @param columns each feature's values, statuses and event timestamps
 * @param stored per feature, per row, the value's {@code Value} message as the store holds it
 *     (Feast's bytes), null where it was not found or the store gave no bytes: a transport that
 *     answers in Feast's encoding can pass them on where they are of the feature's type
 */
public record OnlineAnswer(
    Map<String, List<Object>> entities,
    List<Feature> features,
    boolean fullNames,
    List<FeatureColumn> columns,
    List<byte[][]> stored) {

  /**
   * The entity columns that are join keys of the requested features, in the request's order (Feast
   * leaves out the others); worked out when asked for, so that the JSON path, whose writer does it
   * as it writes, pays nothing for it.
   */
  public List<String> joinKeys() {
    return OnlineResponseWriter.requestedJoinKeys(entities.keySet(), features);
  }
}
