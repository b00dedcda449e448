package dev.freshet.runtime.streaming;

import java.util.HashMap;
import java.util.Map;

/**
 * The event time before which an event counts as late, for one aggregating task: the least, over
 * the source partitions whose events reach the task, of the greatest event time read from each,
 * less the source's watermark delay. It is Flink's rule (a watermark per source partition, an
 * operator's the minimum over its inputs, idle inputs left out), chosen over Kafka Streams' (stream
 * time per task, which a repartition interleaving partitions trips) and Spark's (one maximum over
 * the whole source, which needs a driver between micro-batches).
 *
 * <p>An event's own partition is observed before the event is judged, with a progress that includes
 * the event itself, so an event is late only when it is older, by more than the delay, than what
 * came before it on its own partition: how the repartition, a backlog read partition by partition,
 * or a restart interleave the partitions never makes one late.
 *
 * <p>A partition that sent nothing to the task for the idle timeout stops holding the others back;
 * when it sends again it counts again. (Its events older than the others' progress less the delay
 * are then late, as in Flink.)
 */
final class Watermark {
  private static final class Partition {
    long newestMicros = Long.MIN_VALUE;
    long heardMillis;
  }

  private final long delayMicros;
  private final long idleMillis;
  private final Map<Integer, Partition> partitions = new HashMap<>();

  Watermark(long delayMicros, long idleMillis) {
    this.delayMicros = delayMicros;
    this.idleMillis = idleMillis;
  }

  /**
   * Notes that source partition {@code partition} has come to {@code newestMicros}, heard at {@code
   * nowMillis}.
   */
  void observe(int partition, long newestMicros, long nowMillis) {
    Partition p = partitions.computeIfAbsent(partition, k -> new Partition());
    p.newestMicros = Math.max(p.newestMicros, newestMicros);
    p.heardMillis = nowMillis;
  }

  /** Events before this are late; {@link Long#MIN_VALUE} while nothing has been heard. */
  long micros(long nowMillis) {
    long least = Long.MAX_VALUE;
    for (Partition p : partitions.values()) {
      if (nowMillis - p.heardMillis <= idleMillis) {
        least = Math.min(least, p.newestMicros);
      }
    }
    if (least == Long.MAX_VALUE) {
      return Long.MIN_VALUE;
    }
    long watermark = least - delayMicros;
    return watermark > least ? Long.MIN_VALUE : watermark; // below the first representable time
  }

  /** Whether an event at {@code micros} is late now. */
  boolean isLate(long micros, long nowMillis) {
    return micros < micros(nowMillis);
  }
}
