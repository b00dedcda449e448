package dev.freshet.runtime.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The watermark's rule: the least progress over the partitions heard lately, less the delay. */
class WatermarkTest {
  private static final long DELAY = 5;

  @Test
  void nothingIsLateBeforeAnythingIsHeard() {
    Watermark watermark = new Watermark(DELAY, 1_000);
    assertThat(watermark.micros(0)).isEqualTo(Long.MIN_VALUE);
    assertThat(watermark.isLate(Long.MIN_VALUE + 1, 0)).isFalse();
  }

  @Test
  void theLeastPartitionHoldsTheWatermark() {
    Watermark watermark = new Watermark(DELAY, 1_000);
    watermark.observe(0, 1_000, 0);
    watermark.observe(1, 100, 0);
    assertThat(watermark.micros(0)).isEqualTo(95);
    assertThat(watermark.isLate(95, 0)).isFalse();
    assertThat(watermark.isLate(94, 0)).isTrue();
    watermark.observe(1, 2_000, 0);
    assertThat(watermark.micros(0)).isEqualTo(995);
  }

  @Test
  void progressNeverGoesBack() {
    Watermark watermark = new Watermark(DELAY, 1_000);
    watermark.observe(0, 1_000, 0);
    watermark.observe(0, 10, 0);
    assertThat(watermark.micros(0)).isEqualTo(995);
  }

  /** Partition 1 read first to its end, then partition 0 from its start: nothing of 0 is late. */
  @Test
  void aBacklogReadPartitionByPartitionIsNotLate() {
    Watermark watermark = new Watermark(DELAY, 1_000);
    for (long t = 0; t <= 10_000; t += 10) {
      watermark.observe(1, t, 0);
    }
    for (long t = 3; t <= 10_000; t += 10) {
      watermark.observe(0, t, 1);
      assertThat(watermark.isLate(t, 1)).as("event at %d", t).isFalse();
    }
  }

  @Test
  void anIdlePartitionStopsHoldingTheOthersBackUntilItIsHeardAgain() {
    Watermark watermark = new Watermark(DELAY, 1_000);
    watermark.observe(0, 100, 0);
    watermark.observe(1, 5_000, 0);
    assertThat(watermark.micros(1_000)).isEqualTo(95);
    watermark.observe(1, 6_000, 1_001);
    assertThat(watermark.micros(1_001)).isEqualTo(5_995);
    watermark.observe(0, 150, 1_002);
    assertThat(watermark.micros(1_002)).isEqualTo(145);
  }

  @Test
  void aDelayBeforeTheFirstRepresentableTimeIsNoWatermark() {
    Watermark watermark = new Watermark(DELAY, 1_000);
    watermark.observe(0, Long.MIN_VALUE + 2, 0);
    assertThat(watermark.micros(0)).isEqualTo(Long.MIN_VALUE);
  }
}
