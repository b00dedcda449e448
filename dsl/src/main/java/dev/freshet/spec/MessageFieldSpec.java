package dev.freshet.spec;

/** A field of the messages of a Kafka source. */
public record MessageFieldSpec(String name, ValueType type, boolean nullable) {}
