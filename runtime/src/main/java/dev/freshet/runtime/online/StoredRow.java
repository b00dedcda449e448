package dev.freshet.runtime.online;

import java.time.Instant;
import java.util.List;

/**
 * What the store holds for one entity and view.
 *
 * @param eventTimestamp null when the entity has no row in the view
 * @param values the requested features' values, null where null or not found
 */
public record StoredRow(Instant eventTimestamp, List<Object> values) {

  public boolean found() {
    return eventTimestamp != null;
  }
}
