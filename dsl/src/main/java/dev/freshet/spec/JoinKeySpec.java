package dev.freshet.spec;

/** A join key of an entity: its name and the type of its values. */
public record JoinKeySpec(String name, ValueType type) {}
