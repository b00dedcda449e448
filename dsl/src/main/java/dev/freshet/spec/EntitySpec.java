package dev.freshet.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** An entity and its join keys. */
public record EntitySpec(
    String name,
    List<JoinKeySpec> joinKeys,
    String description,
    Map<String, String> tags,
    String owner) {

  /** A builder of the entity {@code name}, without join keys, description, tags or owner yet. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds an {@link EntitySpec} by naming each part; what is not set stays empty. */
  public static final class Builder {
    private final String name;
    private final List<JoinKeySpec> joinKeys = new ArrayList<>();
    private String description = "";
    private final Map<String, String> tags = new TreeMap<>();
    private String owner = "";

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds a join key, after those added before. */
    public Builder joinKey(String name, ValueType type) {
      Objects.requireNonNull(name, "name");
      joinKeys.add(new JoinKeySpec(name, Objects.requireNonNull(type, "type")));
      return this;
    }

    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder owner(String owner) {
      this.owner = Objects.requireNonNull(owner, "owner");
      return this;
    }

    public EntitySpec build() {
      Map<String, String> sortedTags = Collections.unmodifiableMap(new TreeMap<>(tags));
      return new EntitySpec(name, List.copyOf(joinKeys), description, sortedTags, owner);
    }
  }
}
