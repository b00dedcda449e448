package dev.freshet.spec;

/** A feature of a view: its name, value type, and whether its value may be null. */
public record FeatureSpec(String name, ValueType type, boolean nullable) {}
