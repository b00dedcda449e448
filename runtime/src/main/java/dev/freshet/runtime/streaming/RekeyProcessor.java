package dev.freshet.runtime.streaming;

import dev.freshet.runtime.time.EpochMicros;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keys each event by its entity, for the repartition that puts one entity's events in one
 * partition, and tags it with its source partition's progress ({@link SourceProgress}), which the
 * repartition would otherwise lose.
 */
final class RekeyProcessor implements Processor<byte[], Object, byte[], byte[]> {
  private final EntityKeyReader keys;
  private final Duration interval;
  private ProcessorContext<byte[], byte[]> context;
  private final ForwardedCommits commits = new ForwardedCommits();

  /** The newest event time read, per source partition of this task. */
  private final Map<Integer, Long> newest = new HashMap<>();

  RekeyProcessor(EntityKeyReader keys, Duration interval) {
    this.keys = keys;
    this.interval = interval;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    commits.schedule(context, interval);
  }

  @Override
  public void process(Record<byte[], Object> record) {
    StreamEvent event = (StreamEvent) record.value();
    int partition =
        context.recordMetadata().map(m -> m.partition()).orElse(context.taskId().partition());
    long micros = newest.merge(partition, EpochMicros.of(event.eventTime()), Math::max);
    commits.forwarded();
    context.forward(
        record
            .withKey(keys.bytes(keys.values(event)))
            .withValue(event.raw())
            .withHeaders(new SourceProgress(partition, micros).addTo(record.headers())));
  }
}
