package dev.freshet.spec;

import java.util.Map;
import java.util.Objects;

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
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private String batchSource = "";

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The file source that holds what is pushed, for training and materialization. */
    public Builder batchSource(String batchSource) {
      this.batchSource = Objects.requireNonNull(batchSource, "batchSource");
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public PushSourceSpec build() {
      return new PushSourceSpec(name, batchSource, description, tags(), owner);
    }
  }
}
