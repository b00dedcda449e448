package dev.freshet.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Typed values that arrive with a request: its {@code fields}, in declaration order. */
public record RequestSourceSpec(
    String name,
    List<FeatureSpec> fields,
    String description,
    Map<String, String> tags,
    String owner)
    implements DataSourceSpec {

  public RequestSourceSpec {
    fields = List.copyOf(fields);
    tags = Map.copyOf(tags);
  }

  /** A builder of the request source {@code name}; add its fields. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String kind() {
    return "request";
  }

  /** Builds a {@link RequestSourceSpec} by naming each part; what is not set stays empty. */
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private final List<FeatureSpec> fields = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds a field that always has a value, after those added before. */
    public Builder field(String name, ValueType type) {
      fields.add(new FeatureSpec(name, type, false));
      return this;
    }

    /** Adds a field that may be null, after those added before. */
    public Builder nullableField(String name, ValueType type) {
      fields.add(new FeatureSpec(name, type, true));
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public RequestSourceSpec build() {
      return new RequestSourceSpec(name, fields, description, tags(), owner);
    }
  }
}
