package dev.freshet.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A feature view.
 *
 * @param entities entity names, as declared
 * @param joinKeys the join keys of all its entities, in declaration order
 * @param ttl {@link Duration#ZERO} when values never expire
 * @param acceptsNonFinite whether pushes may give its floating-point features NaN or an infinity
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
    String schedule,
    boolean acceptsNonFinite) {

  /** A view whose pushes may not carry NaN or infinities. */
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
      String owner,
      String schedule) {
    this(
        name,
        entities,
        joinKeys,
        source,
        ttl,
        online,
        features,
        description,
        tags,
        owner,
        schedule,
        false);
  }

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

  /**
   * A builder of the feature view {@code name}; set its entities, join keys, source and features.
   * The other parts default as in {@code @FeatureView}: no ttl (values never expire), online, no
   * schedule, no NaN or infinities.
   */
  public static Builder builder(String name) {
    return new Builder(name);
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

  /** Builds a {@link FeatureViewSpec} by naming each part; the defaults are the annotation's. */
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private final List<String> entities = new ArrayList<>();
    private final List<JoinKeySpec> joinKeys = new ArrayList<>();
    private String source = "";
    private Duration ttl = Duration.ZERO;
    private boolean online = true;
    private final List<FeatureSpec> features = new ArrayList<>();
    private String schedule = "";
    private boolean acceptsNonFinite;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds entities by name, after those added before. */
    public Builder entities(String... entities) {
      for (String entity : entities) {
        this.entities.add(Objects.requireNonNull(entity, "entity"));
      }
      return this;
    }

    /** Adds a join key (of one of the entities), after those added before. */
    public Builder joinKey(String name, ValueType type) {
      Objects.requireNonNull(name, "name");
      joinKeys.add(new JoinKeySpec(name, Objects.requireNonNull(type, "type")));
      return this;
    }

    /** The file or push source the view's rows come from. */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    public Builder ttl(Duration ttl) {
      this.ttl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    public Builder online(boolean online) {
      this.online = online;
      return this;
    }

    /** Adds a feature that is never null, after those added before. */
    public Builder feature(String name, ValueType type) {
      return addFeature(name, type, false);
    }

    /** Adds a feature that may be null, after those added before. */
    public Builder nullableFeature(String name, ValueType type) {
      return addFeature(name, type, true);
    }

    private Builder addFeature(String name, ValueType type, boolean nullable) {
      Objects.requireNonNull(name, "name");
      features.add(new FeatureSpec(name, Objects.requireNonNull(type, "type"), nullable));
      return this;
    }

    /** When to materialize the view: an interval such as {@code "1h"} or a cron expression. */
    public Builder schedule(String schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /** Whether pushes may give its floating-point features NaN or an infinity. */
    public Builder acceptsNonFinite(boolean acceptsNonFinite) {
      this.acceptsNonFinite = acceptsNonFinite;
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public FeatureViewSpec build() {
      return new FeatureViewSpec(
          name,
          List.copyOf(entities),
          List.copyOf(joinKeys),
          source,
          ttl,
          online,
          List.copyOf(features),
          description,
          tags(),
          owner,
          schedule,
          acceptsNonFinite);
    }
  }
}
