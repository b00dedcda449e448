package dev.freshet.spec;

import java.util.List;
import java.util.Map;

/** A feature service: the features a model reads. */
public record FeatureServiceSpec(
    String name,
    List<FeatureSelectionSpec> selections,
    String description,
    Map<String, String> tags,
    String owner) {}
