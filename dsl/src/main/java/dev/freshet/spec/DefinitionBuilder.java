package dev.freshet.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every definition's builder takes besides its own parts: the metadata Feast keeps for each
 * object (a description, tags, an owner), defaulting as the annotations do to empty.
 *
 * @param <B> the builder itself, so that these methods chain with its own
 */
public abstract class DefinitionBuilder<B extends DefinitionBuilder<B>> {
  String description = "";
  private final Map<String, String> tags = new TreeMap<>();
  String owner = "";

  DefinitionBuilder() {}

  abstract B self();

  public B description(String description) {
    this.description = Objects.requireNonNull(description, "description");
    return self();
  }

  /** Adds a tag; tags are kept sorted by key. */
  public B tag(String key, String value) {
    tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return self();
  }

  public B owner(String owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
    return self();
  }

  /** The tags added, sorted by key, unmodifiable. */
  Map<String, String> tags() {
    return Collections.unmodifiableMap(new TreeMap<>(tags));
  }
}
