package dev.freshet.annotations;

/** What an {@link Aggregation} computes over the events of a window. */
public enum AggregationFunction {
  /** The sum of a numeric field. */
  SUM,
  /** The number of events; the feature is {@code int} or {@code long}. */
  COUNT,
  /** The mean of a numeric field; the feature is {@code float} or {@code double}. */
  MEAN,
  /** The smallest value of a numeric field. */
  MIN,
  /** The largest value of a numeric field. */
  MAX,
  /** The value of the event with the latest event time. */
  LAST
}
