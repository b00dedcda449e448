package dev.freshet.spec;

import dev.freshet.annotations.AggregationFunction;
import java.time.Duration;

/**
 * How a stream feature view computes one feature of its target view. {@code function} is null for a
 * plain copy of the message field {@code column}, in which case window and slide are zero.
 */
public record AggregationSpec(
    String feature, AggregationFunction function, String column, Duration window, Duration slide) {

  public boolean isAggregated() {
    return function != null;
  }
}
