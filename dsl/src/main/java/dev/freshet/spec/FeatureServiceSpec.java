package dev.freshet.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A feature service: the features a model reads. */
public record FeatureServiceSpec(
    String name,
    List<FeatureSelectionSpec> selections,
    String description,
    Map<String, String> tags,
    String owner) {

  /** A builder of the feature service {@code name}; add its selections. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link FeatureServiceSpec} by naming each part; what is not set stays empty. */
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private final List<FeatureSelectionSpec> selections = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Selects {@code features} of {@code featureView}, in that order. */
    public Builder select(String featureView, List<String> features) {
      return selectAs(featureView, "", features);
    }

    /** Selects {@code features} of {@code featureView}, which the service calls {@code alias}. */
    public Builder selectAs(String featureView, String alias, List<String> features) {
      selections.add(
          new FeatureSelectionSpec(
              Objects.requireNonNull(featureView, "featureView"),
              Objects.requireNonNull(alias, "alias"),
              List.copyOf(features)));
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public FeatureServiceSpec build() {
      return new FeatureServiceSpec(name, List.copyOf(selections), description, tags(), owner);
    }
  }
}
