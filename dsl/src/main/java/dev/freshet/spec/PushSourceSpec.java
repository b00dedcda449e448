package dev.freshet.spec;

import java.util.Map;

/** A source rows are pushed into; {@code batchSource} names the file source that mirrors it. */
public record PushSourceSpec(
    String name, String batchSource, String description, Map<String, String> tags, String owner)
    implements DataSourceSpec {

  @Override
  public String kind() {
    return "push";
  }
}
