package dev.freshet.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Parquet file or directory of files.
 *
 * @param path relative to the feature repository root unless absolute
 * @param createdTimestampColumn empty when the source has none
 * @param fieldMapping source column name to feature or join key name
 */
public record FileSourceSpec(
    String name,
    String path,
    String timestampField,
    String createdTimestampColumn,
    Map<String, String> fieldMapping,
    String description,
    Map<String, String> tags,
    String owner)
    implements DataSourceSpec {

  /**
   * A builder of the file source {@code name}; set its path. The timestamp field is {@code
   * event_timestamp} unless set, as in {@code @FileSource}.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String kind() {
    return "file";
  }

  /** The column a feature or join key is read from, after the field mapping. */
  public String columnFor(String featureName) {
    for (Map.Entry<String, String> mapping : fieldMapping.entrySet()) {
      if (mapping.getValue().equals(featureName)) {
        return mapping.getKey();
      }
    }
    return featureName;
  }

  /** Builds a {@link FileSourceSpec} by naming each part; the defaults are the annotation's. */
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private String path = "";
    private String timestampField = "event_timestamp";
    private String createdTimestampColumn = "";
    private final Map<String, String> fieldMapping = new TreeMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    public Builder timestampField(String timestampField) {
      this.timestampField = Objects.requireNonNull(timestampField, "timestampField");
      return this;
    }

    public Builder createdTimestampColumn(String createdTimestampColumn) {
      this.createdTimestampColumn =
          Objects.requireNonNull(createdTimestampColumn, "createdTimestampColumn");
      return this;
    }

    /** Reads the feature or join key {@code feature} from the source's column {@code column}. */
    public Builder fieldMapping(String column, String feature) {
      fieldMapping.put(
          Objects.requireNonNull(column, "column"), Objects.requireNonNull(feature, "feature"));
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public FileSourceSpec build() {
      return new FileSourceSpec(
          name,
          path,
          timestampField,
          createdTimestampColumn,
          Collections.unmodifiableMap(new TreeMap<>(fieldMapping)),
          description,
          tags(),
          owner);
    }
  }
}
