package dev.freshet.runtime.time;

import java.time.Instant;

/**
 * The event times a request or a stream message may carry: far outside them a time is a typo or
 * garbage, and one in the far future would win every newest-wins comparison, so that its entity
 * could never be updated again. By default the years 1678 to 2261, the times Feast (pandas'
 * nanosecond timestamps) can hold; {@code freshet.serving.earliest-timestamp} and {@code
 * freshet.serving.latest-timestamp} narrow or widen them.
 */
public final class AcceptedTimes {
  public static final Instant DEFAULT_EARLIEST = Instant.parse("1678-01-01T00:00:00Z");
  public static final Instant DEFAULT_LATEST = Instant.parse("2262-01-01T00:00:00Z");

  private static volatile Instant earliest = DEFAULT_EARLIEST;
  private static volatile Instant latest = DEFAULT_LATEST;

  private AcceptedTimes() {}

  /** Sets the bounds from the configuration; called once as the runtime starts. */
  public static void set(Instant earliestAccepted, Instant latestAccepted) {
    if (!earliestAccepted.isBefore(latestAccepted)) {
      throw new IllegalArgumentException(
          "freshet.serving.earliest-timestamp ("
              + earliestAccepted
              + ") is not before freshet.serving.latest-timestamp ("
              + latestAccepted
              + ")");
    }
    earliest = earliestAccepted;
    latest = latestAccepted;
  }

  /** Null when {@code time} is accepted; else why not, to follow "x is <time>, ". */
  public static String refusal(Instant time) {
    if (time.isBefore(earliest) || time.isAfter(latest)) {
      return "outside the times accepted, "
          + earliest
          + " to "
          + latest
          + " (freshet.serving.earliest-timestamp, freshet.serving.latest-timestamp)";
    }
    return null;
  }
}
