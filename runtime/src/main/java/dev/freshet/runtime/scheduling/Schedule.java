package dev.freshet.runtime.scheduling;

import dev.freshet.spec.Durations;
import io.micronaut.scheduling.cron.CronExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a view is materialized: every interval after the last run ended, or at the times of a cron
 * expression (UTC).
 */
record Schedule(String text, Duration interval, CronExpression cron) {
  /**
   * @throws IllegalArgumentException naming the view and the accepted forms
   */
  static Schedule parse(String view, String text) {
    Optional<Duration> interval = Durations.parse(text.trim());
    if (interval.isPresent()) {
      if (interval.get().toSeconds() < 1) {
        throw new IllegalArgumentException(
            "the schedule of " + view + " is " + text + "; give at least 1s");
      }
      return new Schedule(text, interval.get(), null);
    }
    try {
      return new Schedule(text, null, CronExpression.create(text.trim()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the schedule of "
              + view
              + " is '"
              + text
              + "', neither an interval (15m, 1h) nor a cron expression with seconds"
              + " (0 0 * * * *): "
              + e.getMessage());
    }
  }

  /** The next run after {@code after}. */
  Instant next(Instant after) {
    if (interval != null) {
      return after.plus(interval);
    }
    return cron.nextTimeAfter(after.atZone(ZoneOffset.UTC)).toInstant();
  }

  /** {@code every 1h} or {@code cron 0 0 * * * *}. */
  String describe() {
    return interval != null ? "every " + text : "cron " + text;
  }
}
