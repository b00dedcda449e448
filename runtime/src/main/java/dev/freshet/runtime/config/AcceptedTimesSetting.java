package dev.freshet.runtime.config;

import dev.freshet.runtime.time.AcceptedTimes;
import io.micronaut.context.annotation.Context;

/**
 * Applies {@code freshet.serving.earliest-timestamp} and {@code latest-timestamp} as the runtime
 * starts.
 */
@Context
public class AcceptedTimesSetting {
  public AcceptedTimesSetting(ServingConfig serving) {
    AcceptedTimes.set(serving.getEarliestTimestamp(), serving.getLatestTimestamp());
  }
}
