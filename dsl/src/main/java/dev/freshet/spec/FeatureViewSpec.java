package dev.freshet.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A feature view.
 *
 * @param entities entity names, as declared
 * @param joinKeys the join keys of all its entities, in declaration order
 * @param ttl {@link Duration#ZERO} when values never expire
 */
public record FeatureViewSpec(
    String name,
    List<String> entities,
    List<JoinKeySpec> joinKeys,
    String source,
    Duration ttl,
    boolean online,
    List<FeatureSpec> features,
    String description,
    Map<String, String> tags,
    String owner,
    String schedule) {

  /** A view materialized only when asked (no schedule). */
  public FeatureViewSpec(
      String name,
      List<String> entities,
      List<JoinKeySpec> joinKeys,
      String source,
      Duration ttl,
      boolean online,
      List<FeatureSpec> features,
      String description,
      Map<String, String> tags,
      String owner) {
    this(name, entities, joinKeys, source, ttl, online, features, description, tags, owner, "");
  }

  /** The feature called {@code name}, or null. */
  public FeatureSpec feature(String name) {
    for (FeatureSpec feature : features) {
      if (feature.name().equals(name)) {
        return feature;
      }
    }
    return null;
  }
}
