package dev.freshet.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private final List<JoinKeySpec> joinKeys = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds a join key, after those added before. */
    public Builder joinKey(String name, ValueType type) {
      Objects.requireNonNull(name, "name");
      joinKeys.add(new JoinKeySpec(name, Objects.requireNonNull(type, "type")));
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public EntitySpec build() {
      Map<String, String> sortedTags = tags();
      return new EntitySpec(name, List.copyOf(joinKeys), description, sortedTags, owner);
    }
  }
}
