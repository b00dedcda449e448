package dev.freshet.runtime.streaming;

import dev.freshet.runtime.time.EpochMicros;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream view with aggregations: each event updates its entity's {@link WindowState} (in a
 * RocksDB store backed by a changelog topic) and the entity's trailing window goes to the buffer.
 *
 * <p>Every event whose bucket the entity's state still holds is applied, in whatever order it
 * comes, so the served window is the same whatever the partitions, the repartition or a backlog did
 * to the order. An event older than the {@link Watermark} is late: counted and logged, and still
 * applied when its bucket is held (the row is written again, replacing the one of the same event
 * time); a late event whose bucket the state no longer holds cannot change the trailing window, and
 * goes to the dead-letter topic (when there is one) for a batch backfill.
 */
final class AggregatingProcessor extends ViewProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(AggregatingProcessor.class);
  private static final long LOG_EVERY_MILLIS = 60_000;

  private final String view;
  private final String windowsName;
  private final WindowPlan plan;
  private final EntityKeyReader keys;
  private final int features;
  private final Counter late;
  private final Counter expired;
  private final Counter outsideWindow;
  private final Watermark watermark;
  private KeyValueStore<byte[], byte[]> windows;
  private long lateSinceLog;
  private long loggedMillis = -LOG_EVERY_MILLIS;

  AggregatingProcessor(
      String view,
      MessageReader reader,
      OnlineWriteBuffer buffer,
      Duration interval,
      String windowsName,
      WindowPlan plan,
      EntityKeyReader keys,
      int features,
      StreamMetrics metrics,
      Duration idleTimeout) {
    super(reader, buffer, interval);
    this.view = view;
    this.windowsName = windowsName;
    this.plan = plan;
    this.keys = keys;
    this.features = features;
    this.late = metrics.late(view);
    this.expired = metrics.expired(view);
    this.outsideWindow = metrics.outsideWindow(view);
    this.watermark = new Watermark(plan.watermarkDelayMicros(), idleTimeout.toMillis());
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    super.init(context);
    windows = context.getStateStore(windowsName);
  }

  @Override
  String apply(StreamEvent event, Record<byte[], Object> record) {
    long micros = EpochMicros.of(event.eventTime());
    long now = context().currentSystemTimeMs();
    SourceProgress progress = SourceProgress.of(record.headers());
    if (progress != null) {
      watermark.observe(progress.partition(), progress.newestMicros(), now);
    } else {
      // Not repartitioned: this task reads the source partition itself.
      watermark.observe(context().recordMetadata().map(m -> m.partition()).orElse(-1), micros, now);
    }
    List<Object> key = keys.values(event);
    byte[] keyBytes = keys.bytes(key);
    WindowState state = WindowState.fromBytes(windows.get(keyBytes));
    boolean isLate = watermark.isLate(micros, now);
    boolean held = state.holds(plan, micros);
    if (isLate) {
      late.increment();
      logLate(event, micros, now, held);
    }
    if (!held) {
      if (!isLate) {
        // On time, but older than the entity's trailing window: it cannot change it. Counted, so
        // that a source replaying old events shows why they changed nothing.
        outsideWindow.increment();
        return null;
      }
      expired.increment();
      return "late: event time "
          + event.eventTime()
          + " is before the watermark "
          + EpochMicros.toInstant(watermark.micros(now))
          + " and before the oldest window "
          + view
          + " holds for this entity; recompute it from the batch source";
    }
    state.add(plan, micros, event.values());
    windows.put(keyBytes, state.toBytes());

    WindowState.Served served = state.served(plan);
    Object[] row = new Object[features];
    for (int i = 0; i < plan.aggregates().size(); i++) {
      row[plan.aggregates().get(i).targetPosition()] = served.values()[i];
    }
    buffer.put(
        key, EpochMicros.toInstant(served.eventMicros()), Arrays.asList(row), record.timestamp());
    return null;
  }

  /** Late events are logged once a minute at most, with the latest and a count, not each. */
  private void logLate(StreamEvent event, long micros, long now, boolean held) {
    lateSinceLog++;
    if (now - loggedMillis >= LOG_EVERY_MILLIS) {
      LOG.warn(
          "{}: {} late event(s) since the last report; the latest at {}, watermark {}: {}",
          view,
          lateSinceLog,
          event.eventTime(),
          EpochMicros.toInstant(watermark.micros(now)),
          held
              ? "applied to its window"
              : "too old for the windows held, not applied (dead-lettered when a dead-letter topic is set)");
      lateSinceLog = 0;
      loggedMillis = now;
    }
  }
}
