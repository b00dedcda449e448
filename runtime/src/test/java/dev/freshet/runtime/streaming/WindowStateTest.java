package dev.freshet.runtime.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.annotations.AggregationFunction;
import dev.freshet.runtime.streaming.WindowPlan.Aggregate;
import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Window semantics as Spark's window(ts, size, slide) and the trailing-window rule, checked by
 * brute force.
 */
class WindowStateTest {
  private static final long MINUTE = 60_000_000L;
  private static final long HOUR = 60 * MINUTE;

  private static WindowPlan plan(long window, long slide, AggregationFunction... functions) {
    List<Aggregate> aggregates = new ArrayList<>();
    for (int i = 0; i < functions.length; i++) {
      ValueType type =
          functions[i] == AggregationFunction.COUNT ? ValueType.INT64 : ValueType.DOUBLE;
      aggregates.add(new Aggregate(functions[i], 0, window, slide, type, i));
    }
    return new WindowPlan(aggregates, 5 * MINUTE);
  }

  private static long at(String time) {
    return EpochMicros.of(Instant.parse(time));
  }

  @Test
  void theServedRowIsTheTrailingWindowEndingAtTheNextSlideBoundary() {
    WindowPlan plan =
        plan(
            24 * HOUR,
            HOUR,
            AggregationFunction.SUM,
            AggregationFunction.COUNT,
            AggregationFunction.MEAN,
            AggregationFunction.MIN,
            AggregationFunction.MAX,
            AggregationFunction.LAST);
    WindowState state = new WindowState();
    state.add(plan, at("2023-06-01T09:59:59Z"), new Object[] {100.0}); // outside: before e - 1d
    state.add(plan, at("2023-06-01T10:00:00Z"), new Object[] {1.0}); // the window's first instant
    state.add(plan, at("2023-06-02T09:30:00Z"), new Object[] {4.0});
    state.add(
        plan,
        at("2023-06-02T09:10:00Z"),
        new Object[] {2.0}); // late but within 5 min of nothing newer: counts

    WindowState.Served served = state.served(plan);

    assertThat(EpochMicros.toInstant(served.eventMicros()))
        .isEqualTo(Instant.parse("2023-06-02T10:00:00Z"));
    assertThat(served.values()).containsExactly(7.0, 3L, 7.0 / 3, 1.0, 4.0, 4.0);
  }

  @Test
  void stateSurvivesItsBytesAndDropsWhatNoWindowReads() {
    WindowPlan plan = plan(2 * HOUR, HOUR, AggregationFunction.SUM, AggregationFunction.LAST);
    WindowState state = new WindowState();
    state.add(plan, at("2023-06-01T00:10:00Z"), new Object[] {1.0});
    state.add(plan, at("2023-06-01T05:10:00Z"), new Object[] {2.0});
    WindowState copy = WindowState.fromBytes(state.toBytes());
    copy.add(plan, at("2023-06-01T04:20:00Z"), new Object[] {3.0});

    assertThat(copy.served(plan).values()).containsExactly(5.0, 2.0);
    assertThat(copy.newestMicros()).isEqualTo(at("2023-06-01T05:10:00Z"));
    // 00:10 is older than 06:00 - 2h - 5m, so its bucket went when 05:10 came; 04:00 and 05:00
    // stay.
    assertThat(state.bucketCount()).isEqualTo(1);
    assertThat(copy.bucketCount()).isEqualTo(2);
  }

  @Test
  void randomEventsMatchABruteForceWindowForEverySlideAndSize() {
    Random random = new Random(3);
    long[][] shapes = {
      {HOUR, HOUR}, {24 * HOUR, HOUR}, {90 * MINUTE, 30 * MINUTE}, {10 * MINUTE, 5 * MINUTE}
    };
    for (long[] shape : shapes) {
      WindowPlan plan =
          plan(
              shape[0],
              shape[1],
              AggregationFunction.SUM,
              AggregationFunction.COUNT,
              AggregationFunction.MAX);
      WindowState state = new WindowState();
      List<long[]> events = new ArrayList<>();
      long time = at("2023-06-01T00:00:00Z");
      for (int i = 0; i < 500; i++) {
        time += random.nextInt(20) * MINUTE / 4;
        long value = random.nextInt(100);
        events.add(new long[] {time, value});
        state.add(plan, time, new Object[] {(double) value});
        WindowState.Served served = state.served(plan);

        long end = Math.floorDiv(time, shape[1]) * shape[1] + shape[1];
        double sum = 0;
        long count = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (long[] event : events) {
          if (event[0] >= end - shape[0] && event[0] < end) {
            sum += event[1];
            count++;
            max = Math.max(max, event[1]);
          }
        }
        assertThat(served.eventMicros()).isEqualTo(end);
        assertThat(served.values()).containsExactly(sum, count, max);
      }
    }
  }

  @Test
  void differentSlidesShareBucketsOfTheirGreatestCommonDivisor() {
    List<Aggregate> aggregates =
        List.of(
            new Aggregate(AggregationFunction.SUM, 0, HOUR, 20 * MINUTE, ValueType.FLOAT, 0),
            new Aggregate(AggregationFunction.SUM, 0, HOUR, 30 * MINUTE, ValueType.FLOAT, 1));
    WindowPlan plan = new WindowPlan(aggregates, 0);
    assertThat(plan.bucketMicros()).isEqualTo(10 * MINUTE);
    WindowState state = new WindowState();
    state.add(plan, at("2023-06-01T10:05:00Z"), new Object[] {1.0});
    state.add(plan, at("2023-06-01T10:25:00Z"), new Object[] {2.0});
    state.add(plan, at("2023-06-01T11:05:00Z"), new Object[] {4.0});

    WindowState.Served served = state.served(plan);
    // 20-minute slide: window [10:20, 11:20) holds 2 + 4; 30-minute slide: [10:30, 11:30) holds 4.
    assertThat(served.values()).containsExactly(6.0f, 4.0f);
    assertThat(EpochMicros.toInstant(served.eventMicros()))
        .isEqualTo(Instant.parse("2023-06-01T11:30:00Z"));
  }
}
