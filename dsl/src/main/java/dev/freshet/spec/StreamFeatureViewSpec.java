package dev.freshet.spec;

import java.util.List;
import java.util.Map;

/** Keeps features of {@code targetView} fresh from the Kafka source {@code source}. */
public record StreamFeatureViewSpec(
    String name,
    String source,
    String targetView,
    List<AggregationSpec> aggregations,
    String description,
    Map<String, String> tags,
    String owner) {}
