package dev.freshet.annotations;

/** How an event time is written in a message. */
public enum TimestampFormat {
  /** {@code "2021-04-12 10:59:42"} (optionally with a fraction), always UTC. */
  DATE_TIME_UTC,
  /** ISO-8601 with an offset, {@code "2021-04-12T10:59:42+02:00"}; without one, UTC. */
  ISO_8601,
  /** A number of milliseconds since the epoch. */
  EPOCH_MILLIS
}
