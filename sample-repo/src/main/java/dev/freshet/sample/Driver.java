package dev.freshet.sample;

import dev.freshet.annotations.Entity;

/** A driver, identified by {@code driver_id}. */
@Entity(description = "driver id")
public interface Driver {
  long driverId();
}
