package dev.freshet.runtime.streaming;

import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each message of a source: a well-formed one goes on as a {@link StreamEvent}; a malformed
 * one is counted, logged with its topic, partition and offset, and goes on as its raw bytes with an
 * {@code x-freshet-error} header, for the dead-letter topic or for nothing. It never stops the
 * stream.
 */
final class ValidatingProcessor implements Processor<byte[], byte[], byte[], Object> {
  static final String ERROR_HEADER = "x-freshet-error";
  private static final Logger LOG = LoggerFactory.getLogger(ValidatingProcessor.class);

  private final String source;
  private final MessageReader reader;
  private final Counter consumed;
  private final Counter skipped;
  private final Duration interval;
  private ProcessorContext<byte[], Object> context;
  private final ForwardedCommits commits = new ForwardedCommits();

  ValidatingProcessor(
      String source, MessageReader reader, StreamMetrics metrics, Duration interval) {
    this.source = source;
    this.interval = interval;
    this.reader = reader;
    this.consumed = metrics.consumed(source);
    this.skipped = metrics.skipped(source);
  }

  @Override
  public void init(ProcessorContext<byte[], Object> context) {
    this.context = context;
    commits.schedule(context, interval);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    consumed.increment();
    commits.forwarded();
    try {
      context.forward(record.withValue(reader.read(record.value())));
    } catch (MalformedMessageException e) {
      skipped.increment();
      String where =
          context
              .recordMetadata()
              .map(m -> m.topic() + " partition " + m.partition() + " offset " + m.offset())
              .orElse("(unknown offset)");
      LOG.warn("{}: skipped a malformed message at {}: {}", source, where, e.getMessage());
      byte[] raw = record.value() == null ? new byte[0] : record.value();
      Record<byte[], Object> dead = record.withValue(raw);
      dead.headers().add(ERROR_HEADER, e.getMessage().getBytes(StandardCharsets.UTF_8));
      context.forward(dead);
    }
  }
}
