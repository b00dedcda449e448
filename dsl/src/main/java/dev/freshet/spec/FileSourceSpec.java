package dev.freshet.spec;

import java.util.Map;

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
}
