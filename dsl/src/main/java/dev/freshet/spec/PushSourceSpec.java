package dev.freshet.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A source rows are pushed into; {@code batchSource} names the file source that mirrors it. */
public record PushSourceSpec(
    String name, String batchSource, String description, Map<String, String> tags, String owner)
    implements DataSourceSpec {

  /** A builder of the push source {@code name}; set its batch source. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String kind() {
    return "push";
  }

  /** Builds a {@link PushSourceSpec} by naming each part; what is not set stays empty. */
  public static final class Builder {
    private final String name;
    private String batchSource = "";
    private String description = "";
    private final Map<String, String> tags = new TreeMap<>();
    private String owner = "";

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The file source that holds what is pushed, for training and materialization. */
    public Builder batchSource(String batchSource) {
      this.batchSource = Objects.requireNonNull(batchSource, "batchSource");
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

    public PushSourceSpec build() {
      return new PushSourceSpec(
          name, batchSource, description, Collections.unmodifiableMap(new TreeMap<>(tags)), owner);
    }
  }
}
