package dev.freshet.runtime.registry;

import java.util.Comparator;

/**
 * An applied object's identity: its kind ({@code feature_view}, as registry.json's sections name
 * them, singular) and its name. Stored as {@code kind/name}.
 */
public record ObjectKey(Kind kind, String name) implements Comparable<ObjectKey> {
  private static final Comparator<ObjectKey> ORDER =
      Comparator.comparing(ObjectKey::kind).thenComparing(ObjectKey::name);

  /** The kinds of objects, in the order plans list them. */
  public enum Kind {
    ENTITY("entities", "entity"),
    DATA_SOURCE("data_sources", "data source"),
    FEATURE_VIEW("feature_views", "feature view"),
    STREAM_FEATURE_VIEW("stream_feature_views", "stream feature view"),
    ON_DEMAND_FEATURE_VIEW("on_demand_feature_views", "on demand feature view"),
    FEATURE_SERVICE("feature_services", "feature service");

    private final String section;
    private final String noun;

    Kind(String section, String noun) {
      this.section = section;
      this.noun = noun;
    }

    /** The section of registry.json that lists this kind. */
    public String section() {
      return section;
    }

    String keyPrefix() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static ObjectKey parse(String key) {
    int slash = key.indexOf('/');
    return new ObjectKey(
        Kind.valueOf(key.substring(0, slash).toUpperCase(java.util.Locale.ROOT)),
        key.substring(slash + 1));
  }

  /** {@code feature_view/driver_hourly_stats}. */
  public String key() {
    return kind.keyPrefix() + "/" + name;
  }

  public String describe() {
    return kind.noun + " " + name;
  }

  @Override
  public int compareTo(ObjectKey other) {
    return ORDER.compare(this, other);
  }
}
