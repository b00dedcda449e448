package dev.freshet.client;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * One feature value read online, with its status and event time.
 *
 * @param value null unless {@code status} is PRESENT or OUTSIDE_MAX_AGE (the stale value is kept)
 * @param eventTimestamp the epoch when the entity has no row
 */
public record FeatureValue<T>(T value, FeatureStatus status, Instant eventTimestamp) {

  public FeatureValue {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(eventTimestamp, "eventTimestamp");
  }

  /** Whether the value was found, is not null, and is within the view's ttl. */
  public boolean isPresent() {
    return status == FeatureStatus.PRESENT && value != null;
  }

  /** The value when {@link #isPresent()}, else {@code fallback}. */
  public T orElse(T fallback) {
    return isPresent() ? value : fallback;
  }

  /**
   * The value when {@link #isPresent()}.
   *
   * @throws NoSuchElementException naming the status otherwise
   */
  public T orElseThrow() {
    if (!isPresent()) {
      throw new NoSuchElementException("feature value is not present: " + status);
    }
    return value;
  }
}
