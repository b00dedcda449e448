package dev.freshet.spec;

import java.util.List;
import java.util.Map;

/** An entity and its join keys. */
public record EntitySpec(
    String name,
    List<JoinKeySpec> joinKeys,
    String description,
    Map<String, String> tags,
    String owner) {}
