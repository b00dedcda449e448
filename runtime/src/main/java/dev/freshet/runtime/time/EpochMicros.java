package dev.freshet.runtime.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Times and durations as whole microseconds, the unit DuckDB ({@code epoch_us}, {@code
 * make_timestamp}) and the stream's window state count in.
 */
public final class EpochMicros {
  private EpochMicros() {}

  /** Microseconds since the epoch; finer digits are dropped. */
  public static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  public static long of(Duration duration) {
    return Math.addExact(
        Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
  }

  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
  }
}
