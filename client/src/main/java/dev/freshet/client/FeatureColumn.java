package dev.freshet.client;

import java.time.Instant;
import java.util.List;

/**
 * The values of one feature for every entity row of a request, as Feast's response lays them out.
 * Values are of the Java type of the feature's value type (Float for FLOAT, List of Long for
 * INT64_LIST, byte[] for BYTES, Instant for UNIX_TIMESTAMP).
 */
public record FeatureColumn(
    List<Object> values, List<FeatureStatus> statuses, List<Instant> eventTimestamps) {

  public FeatureColumn {
    if (values.size() != statuses.size() || values.size() != eventTimestamps.size()) {
      throw new IllegalArgumentException(
          "a feature column needs as many statuses and event timestamps as values, got "
              + values.size()
              + " values, "
              + statuses.size()
              + " statuses and "
              + eventTimestamps.size()
              + " event timestamps");
    }
  }
}
