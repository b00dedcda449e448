package dev.freshet.runtime.streaming;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Keys each event by its entity, for the repartition that puts one entity's events in one partition. */
final class RekeyProcessor implements Processor<byte[], Object, byte[], byte[]> {
  private final EntityKeyReader keys;
  private final Duration interval;
  private ProcessorContext<byte[], byte[]> context;
  private final ForwardedCommits commits = new ForwardedCommits();

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
    commits.forwarded();
    context.forward(record.withKey(keys.bytes(keys.values(event))).withValue(event.raw()));
  }
}
