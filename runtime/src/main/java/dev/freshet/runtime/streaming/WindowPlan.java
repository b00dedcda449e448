package dev.freshet.runtime.streaming;

import dev.freshet.annotations.AggregationFunction;
import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.AggregationSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How one stream feature view aggregates, in microseconds since the epoch.
 *
 * <p>Windows are Spark's {@code window(ts, size, slide)}: {@code [start, start + size)} with starts
 * at multiples of the slide. An entity's events are kept as partial aggregates per bucket of the
 * greatest common divisor of the slides, so every window is a whole run of buckets. The served row
 * is the entity's trailing window: with {@code t} its newest event time, {@code e = floor(t /
 * slide) * slide + slide}; each feature aggregates the events in {@code [e - size, e)}, and the
 * row's event time is {@code e} (the latest of the features' when slides differ).
 */
final class WindowPlan {
  /** One aggregated feature: its function over the message field at {@code field}. */
  record Aggregate(
      AggregationFunction function,
      int field,
      long windowMicros,
      long slideMicros,
      ValueType resultType,
      int targetPosition) {}

  private final List<Aggregate> aggregates;
  private final long bucketMicros;
  private final long watermarkDelayMicros;

  WindowPlan(List<Aggregate> aggregates, long watermarkDelayMicros) {
    this.aggregates = List.copyOf(aggregates);
    long gcd = 0;
    for (Aggregate aggregate : aggregates) {
      gcd = gcd(gcd, aggregate.slideMicros());
    }
    this.bucketMicros = gcd;
    this.watermarkDelayMicros = watermarkDelayMicros;
  }

  /** The plan of a stream view's aggregations over a source read by {@code reader}. */
  static WindowPlan of(
      List<AggregationSpec> aggregations,
      FeatureViewSpec target,
      MessageReader reader,
      Duration watermarkDelay) {
    List<Aggregate> aggregates = new ArrayList<>();
    for (AggregationSpec aggregation : aggregations) {
      int position = -1;
      for (int i = 0; i < target.features().size(); i++) {
        if (target.features().get(i).name().equals(aggregation.feature())) {
          position = i;
        }
      }
      FeatureSpec feature = target.features().get(position);
      Duration slide = aggregation.slide().isZero() ? aggregation.window() : aggregation.slide();
      aggregates.add(
          new Aggregate(
              aggregation.function(),
              reader.position(aggregation.column()),
              EpochMicros.of(aggregation.window()),
              EpochMicros.of(slide),
              feature.type(),
              position));
    }
    return new WindowPlan(aggregates, EpochMicros.of(watermarkDelay));
  }

  List<Aggregate> aggregates() {
    return aggregates;
  }

  long bucketMicros() {
    return bucketMicros;
  }

  long watermarkDelayMicros() {
    return watermarkDelayMicros;
  }

  /** The first slide boundary after {@code micros}: the end of the trailing window. */
  static long windowEnd(long micros, long slideMicros) {
    return Math.floorDiv(micros, slideMicros) * slideMicros + slideMicros;
  }

  /** The oldest bucket an entity whose newest event is at {@code newestMicros} still needs. */
  long oldestBucketNeeded(long newestMicros) {
    long oldest = Long.MAX_VALUE;
    for (Aggregate aggregate : aggregates) {
      long start =
          windowEnd(newestMicros, aggregate.slideMicros())
              - aggregate.windowMicros()
              - watermarkDelayMicros;
      oldest = Math.min(oldest, Math.floorDiv(start, bucketMicros));
    }
    return oldest;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
