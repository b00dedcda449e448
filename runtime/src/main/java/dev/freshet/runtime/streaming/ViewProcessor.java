package dev.freshet.runtime.streaming;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the processors of one stream view share: events come parsed, or as bytes after a repartition
 * (parsed again here, already known to be well-formed); rows go to the task's {@link
 * OnlineWriteBuffer}, which is written every commit interval (or when full) and then committed.
 * Kafka Streams' own commit interval is off ({@link StreamIngestion}): a commit follows a write,
 * never the other way round. An event a view cannot apply goes on, as it came and with the reason
 * in the {@code x-freshet-error} header, to the dead-letter topic when there is one.
 */
abstract class ViewProcessor implements Processor<byte[], Object, byte[], byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(ViewProcessor.class);
  private static final int COMMIT_AT_ROWS = 10_000;

  private final MessageReader reader;
  private final Duration interval;
  private ProcessorContext<byte[], byte[]> context;
  // An event sent to the dead letters writes no row; its transaction must commit all the same.
  private boolean forwardedSinceCommit;
  final OnlineWriteBuffer buffer;

  ViewProcessor(MessageReader reader, OnlineWriteBuffer buffer, Duration interval) {
    this.reader = reader;
    this.buffer = buffer;
    this.interval = interval;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> writeAndCommit());
  }

  private void writeAndCommit() {
    if (buffer.size() > 0 || forwardedSinceCommit) {
      buffer.flush();
      forwardedSinceCommit = false;
      context.commit();
    }
  }

  /** A task closing (shutdown, rebalance) writes what it holds before Kafka Streams commits it. */
  @Override
  public void close() {
    buffer.flush();
  }

  ProcessorContext<byte[], byte[]> context() {
    return context;
  }

  @Override
  public final void process(Record<byte[], Object> record) {
    StreamEvent event;
    byte[] raw;
    if (record.value() instanceof StreamEvent parsed) {
      event = parsed;
      raw = parsed.raw();
    } else {
      raw = (byte[]) record.value();
      try {
        event = reader.read(raw);
      } catch (MalformedMessageException e) {
        LOG.warn("a repartitioned message no longer reads: {}", e.getMessage());
        return;
      }
    }
    String unapplied = apply(event, record);
    if (unapplied != null) {
      // Copied: the views of one stream share the record they are given.
      Headers headers = new RecordHeaders(record.headers().toArray());
      headers.remove(SourceProgress.HEADER);
      headers.add(ValidatingProcessor.ERROR_HEADER, unapplied.getBytes(StandardCharsets.UTF_8));
      context.forward(new Record<>(record.key(), raw, record.timestamp(), headers));
      forwardedSinceCommit = true;
    }
    if (buffer.size() >= COMMIT_AT_ROWS) {
      writeAndCommit();
    }
  }

  /**
   * Folds one event into the view's rows; {@code record} is the Kafka record it came in (its
   * timestamp the event's arrival, its headers the source's progress).
   *
   * @return null, or why the event could not be applied, for the dead-letter topic
   */
  abstract String apply(StreamEvent event, Record<byte[], Object> record);
}
