package dev.freshet.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives calls over a few connections ("lanes", each used by one thread): open loop at a fixed rate
 * for latency, closed loop for the maximum throughput. Requests are prepared beforehand and taken
 * in turn, so the timed path holds only the call.
 */
final class LoadGenerator {
  /** One connection's way of making call number {@code request}. */
  interface Lane extends AutoCloseable {
    void call(int request) throws Exception;

    @Override
    void close() throws java.io.IOException;
  }

  private LoadGenerator() {}

  /**
   * An open-loop phase: its latencies, and the collections this JVM (the load generator's) made
   * during it, whose pauses are in the latencies as if the system under test had stalled.
   */
  record OpenLoop(Histogram latencies, long collections, long collectionMillis) {}

  /**
   * Starts call {@code i} at {@code start + i / rate}, lane {@code i % lanes}, for {@code phase};
   * each latency runs from when the call was due, so a stall counts against every call it delays
   * (no coordinated omission).
   */
  static OpenLoop openLoop(IntFunction<Lane> lanes, int laneCount, int rate, Duration phase)
      throws Exception {
    // Garbage left by the phase before (a closed loop allocates for minutes) would otherwise be
    // collected during this one, at a time that depends on the phase before, not on this one.
    System.gc();
    long[] collectionsBefore = collections();
    Recorder recorder = new Recorder(3);
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long count = phase.toSeconds() * rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    run(
        lanes,
        laneCount,
        (lane, l) -> {
          for (long i = l; i < count; i += laneCount) {
            long due = start + i * interval;
            // parkNanos, not sleep: Thread.sleep rounds up to whole milliseconds on Java 17.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
              LockSupport.parkNanos(wait);
            }
            lane.call((int) i);
            recorder.recordValue(System.nanoTime() - due);
          }
        });
    long[] collectionsAfter = collections();
    return new OpenLoop(
        recorder.getIntervalHistogram(),
        collectionsAfter[0] - collectionsBefore[0],
        collectionsAfter[1] - collectionsBefore[1]);
  }

  /** This JVM's collections so far, and the milliseconds they took. */
  private static long[] collections() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, collector.getCollectionCount());
      millis += Math.max(0, collector.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  /**
   * Calls completed per second by {@code laneCount} lanes calling without pause for {@code phase}.
   */
  static double closedLoop(IntFunction<Lane> lanes, int laneCount, Duration phase)
      throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + phase.toNanos();
    run(
        lanes,
        laneCount,
        (lane, l) -> {
          for (int i = l; System.nanoTime() < end; i += laneCount) {
            lane.call(i);
            done.incrementAndGet();
          }
        });
    return done.get() / (double) phase.toSeconds();
  }

  private interface LaneWork {
    void run(Lane lane, int index) throws Exception;
  }

  private static void run(IntFunction<Lane> lanes, int laneCount, LaneWork work) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(laneCount);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int l = 0; l < laneCount; l++) {
        int index = l;
        running.add(
            threads.submit(
                () -> {
                  try (Lane lane = lanes.apply(index)) {
                    work.run(lane, index);
                  }
                  return null;
                }));
      }
      for (Future<?> lane : running) {
        lane.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
