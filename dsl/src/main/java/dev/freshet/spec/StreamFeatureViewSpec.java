package dev.freshet.spec;

import dev.freshet.annotations.AggregationFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keeps features of {@code targetView} fresh from the Kafka source {@code source}. */
public record StreamFeatureViewSpec(
    String name,
    String source,
    String targetView,
    List<AggregationSpec> aggregations,
    String description,
    Map<String, String> tags,
    String owner) {

  /** A builder of the stream feature view {@code name}; set its source, target and features. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link StreamFeatureViewSpec} by naming each part; what is not set stays empty. */
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private String source = "";
    private String targetView = "";
    private final List<AggregationSpec> aggregations = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The Kafka source the events come from. */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The feature view whose features the stream keeps fresh. */
    public Builder targetView(String targetView) {
      this.targetView = Objects.requireNonNull(targetView, "targetView");
      return this;
    }

    /**
     * Adds a feature that aggregates message field {@code column} with {@code function} over
     * windows of {@code window} starting every {@code slide}.
     */
    public Builder aggregation(
        String feature,
        AggregationFunction function,
        String column,
        Duration window,
        Duration slide) {
      aggregations.add(
          new AggregationSpec(
              Objects.requireNonNull(feature, "feature"),
              Objects.requireNonNull(function, "function"),
              Objects.requireNonNull(column, "column"),
              Objects.requireNonNull(window, "window"),
              Objects.requireNonNull(slide, "slide")));
      return this;
    }

    /** Adds a feature copied from message field {@code column} of each event, not aggregated. */
    public Builder plainFeature(String feature, String column) {
      aggregations.add(
          new AggregationSpec(
              Objects.requireNonNull(feature, "feature"),
              null,
              Objects.requireNonNull(column, "column"),
              Duration.ZERO,
              Duration.ZERO));
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public StreamFeatureViewSpec build() {
      return new StreamFeatureViewSpec(
          name, source, targetView, List.copyOf(aggregations), description, tags(), owner);
    }
  }
}
