package dev.freshet.runtime.streaming;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Commits a task on a wall-clock schedule whenever something was forwarded since the last commit.
 * Kafka Streams' own commit interval is off (see {@link ViewProcessor}), so a processor that only
 * forwards (and writes nothing online) commits its progress through this.
 */
final class ForwardedCommits {
  private boolean forwarded;

  /** Starts committing {@code context} every {@code interval} in which something was forwarded. */
  void schedule(ProcessorContext<?, ?> context, Duration interval) {
    context.schedule(
        interval,
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          if (forwarded) {
            forwarded = false;
            context.commit();
          }
        });
  }

  /** Notes a forward, to be committed at the next scheduled time. */
  void forwarded() {
    forwarded = true;
  }
}
