package dev.freshet.runtime.streaming;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the processors of one stream view share: events come parsed, or as bytes after a
 * repartition (parsed again here, already known to be well-formed); rows go to the task's {@link
 * OnlineWriteBuffer}, which is written every commit interval (or when full) and then committed.
 * Kafka Streams' own commit interval is off ({@link StreamIngestion}): a commit follows a write,
 * never the other way round.
 */
abstract class ViewProcessor implements Processor<byte[], Object, Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(ViewProcessor.class);
  private static final int COMMIT_AT_ROWS = 10_000;

  private final MessageReader reader;
  private final Duration interval;
  private ProcessorContext<Void, Void> context;
  final OnlineWriteBuffer buffer;

  ViewProcessor(MessageReader reader, OnlineWriteBuffer buffer, Duration interval) {
    this.reader = reader;
    this.buffer = buffer;
    this.interval = interval;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> writeAndCommit());
  }

  private void writeAndCommit() {
    if (buffer.size() > 0) {
      buffer.flush();
      context.commit();
    }
  }

  /** A task closing (shutdown, rebalance) writes what it holds before Kafka Streams commits it. */
  @Override
  public void close() {
    buffer.flush();
  }

  ProcessorContext<Void, Void> context() {
    return context;
  }

  @Override
  public final void process(Record<byte[], Object> record) {
    StreamEvent event;
    if (record.value() instanceof StreamEvent parsed) {
      event = parsed;
    } else {
      try {
        event = reader.read((byte[]) record.value());
      } catch (MalformedMessageException e) {
        LOG.warn("a repartitioned message no longer reads: {}", e.getMessage());
        return;
      }
    }
    apply(event, record.timestamp());
    if (buffer.size() >= COMMIT_AT_ROWS) {
      writeAndCommit();
    }
  }

  /** Folds one event into the view's rows; {@code arrivalMillis} is its Kafka record timestamp. */
  abstract void apply(StreamEvent event, long arrivalMillis);
}
