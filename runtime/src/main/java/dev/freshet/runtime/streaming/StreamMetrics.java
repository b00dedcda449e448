package dev.freshet.runtime.streaming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stream's own meters, per source or per view; Kafka's consumer metrics (lag per partition) are
 * bound next to them by {@link StreamIngestion}.
 */
final class StreamMetrics {
  private final MeterRegistry meters;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  StreamMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Messages read from a source's topic, well-formed or not. */
  Counter consumed(String source) {
    return counter(
        "freshet.stream.events.consumed",
        "Messages read from the source's topic",
        "source",
        source);
  }

  /** Malformed messages, skipped. */
  Counter skipped(String source) {
    return counter(
        "freshet.stream.events.skipped",
        "Malformed messages skipped (and sent to the dead-letter topic when set)",
        "source",
        source);
  }

  /**
   * Events older than the view's watermark: applied when their window is still held, else expired.
   */
  Counter late(String view) {
    return counter(
        "freshet.stream.events.late",
        "Events older than the watermark (the source's progress less the delay)",
        "view",
        view);
  }

  /**
   * Late events too old for the windows an entity's state holds: not applied, dead-lettered when a
   * topic is set.
   */
  Counter expired(String view) {
    return counter(
        "freshet.stream.events.expired",
        "Late events older than every window the entity's state holds: not applied; sent to the dead-letter topic when set",
        "view",
        view);
  }

  /**
   * On-time events older than every window the entity's state holds: not applied, since they cannot
   * change the trailing window, and not late, so not dead-lettered either.
   */
  Counter outsideWindow(String view) {
    return counter(
        "freshet.stream.events.outside.window",
        "On-time events older than every window the entity's state holds: not applied, as they cannot change the trailing window",
        "view",
        view);
  }

  /** Rows written to the online store. */
  Counter rowsWritten(String view) {
    return counter(
        "freshet.stream.rows.written", "Rows the stream wrote to the online store", "view", view);
  }

  /** Failed online writes, each retried. */
  Counter writeFailures(String view) {
    return counter(
        "freshet.stream.write.failures",
        "Online writes that failed and were retried",
        "view",
        view);
  }

  /** From an event's arrival in Kafka (its record timestamp) to its row being readable online. */
  Timer freshness(String view) {
    return timers.computeIfAbsent(
        view,
        v ->
            Timer.builder("freshet.stream.freshness")
                .description(
                    "Time from an event's arrival in Kafka to its value being readable online")
                .tag("view", v)
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .register(meters));
  }

  private Counter counter(String name, String description, String tag, String value) {
    return counters.computeIfAbsent(
        name + "|" + value,
        k -> Counter.builder(name).description(description).tag(tag, value).register(meters));
  }
}
