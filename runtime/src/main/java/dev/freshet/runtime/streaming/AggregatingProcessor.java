package dev.freshet.runtime.streaming;

import dev.freshet.runtime.time.EpochMicros;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A stream view with aggregations: each event updates its entity's {@link WindowState} (in a
 * RocksDB store backed by a changelog topic) and the entity's trailing window goes to the buffer.
 * An event older than its entity's newest event less the source's watermark delay is dropped and
 * counted: lateness is per entity, so how partitions interleave different entities never matters.
 */
final class AggregatingProcessor extends ViewProcessor {
  private final String windowsName;
  private final WindowPlan plan;
  private final EntityKeyReader keys;
  private final int features;
  private final Counter late;
  private KeyValueStore<byte[], byte[]> windows;

  AggregatingProcessor(
      MessageReader reader, OnlineWriteBuffer buffer, Duration interval, String windowsName, WindowPlan plan, EntityKeyReader keys, int features, Counter late) {
    super(reader, buffer, interval);
    this.windowsName = windowsName;
    this.plan = plan;
    this.keys = keys;
    this.features = features;
    this.late = late;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    super.init(context);
    windows = context.getStateStore(windowsName);
  }

  @Override
  void apply(StreamEvent event, long arrivalMillis) {
    long micros = EpochMicros.of(event.eventTime());
    List<Object> key = keys.values(event);
    byte[] keyBytes = keys.bytes(key);
    WindowState state = WindowState.fromBytes(windows.get(keyBytes));
    if (state.newestMicros() != Long.MIN_VALUE && micros < state.newestMicros() - plan.watermarkDelayMicros()) {
      late.increment();
      return;
    }
    state.add(plan, micros, event.values());
    windows.put(keyBytes, state.toBytes());

    WindowState.Served served = state.served(plan);
    Object[] row = new Object[features];
    for (int i = 0; i < plan.aggregates().size(); i++) {
      row[plan.aggregates().get(i).targetPosition()] = served.values()[i];
    }
    buffer.put(key, EpochMicros.toInstant(served.eventMicros()), Arrays.asList(row), arrivalMillis);
  }
}
