package dev.freshet.client;

import java.util.List;

/** The answer to an {@link OnlineRequest}: one column per requested feature, in request order. */
public record OnlineResponse(List<FeatureColumn> features) {

  /**
   * The value of feature {@code feature} for entity row {@code row}.
   *
   * @throws FeatureClientException when the transport answered with another shape or type
   */
  public <T> FeatureValue<T> value(int feature, int row, Class<T> type) {
    if (feature >= features.size()) {
      throw new FeatureClientException(
          "the response holds " + features.size() + " features, not " + (feature + 1));
    }
    FeatureColumn column = features.get(feature);
    if (row >= column.values().size()) {
      throw new FeatureClientException(
          "the response holds " + column.values().size() + " entity rows, not " + (row + 1));
    }
    Object value = column.values().get(row);
    if (value != null && !type.isInstance(value)) {
      throw new FeatureClientException(
          "feature "
              + feature
              + " of the response is a "
              + value.getClass().getSimpleName()
              + ", expected a "
              + type.getSimpleName());
    }
    return new FeatureValue<>(
        type.cast(value), column.statuses().get(row), column.eventTimestamps().get(row));
  }
}
