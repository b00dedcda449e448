package dev.freshet.processor.model;

import java.util.Map;

/** What every definition may carry besides its content. Tags are sorted by key. */
public record Metadata(String description, Map<String, String> tags, String owner) {}
