package dev.freshet.runtime.offline;

import dev.freshet.spec.ValueType;

/** A column to read from a batch source, and the value type it is read as. */
public record SourceColumn(String name, ValueType type) {}
