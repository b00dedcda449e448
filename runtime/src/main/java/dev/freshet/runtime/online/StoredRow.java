package dev.freshet.runtime.online;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the store holds for one entity and view.
 *
 * @param eventTimestamp null when the entity has no row in the view
 * @param values the requested features' values, null where null or not found
 * @param stored the requested features' {@code Value} messages as the store holds them (Feast's
 *     bytes, null where absent), for transports that answer in those bytes (gRPC); null when the
 *     store gave none
 */
public record StoredRow(Instant eventTimestamp, List<Object> values, List<byte[]> stored) {

  /** A row without its stored bytes. */
  public StoredRow(Instant eventTimestamp, List<Object> values) {
    this(eventTimestamp, values, null);
  }

  public boolean found() {
    return eventTimestamp != null;
  }

  /**
   * Rows are equal when their timestamps and values are: the stored bytes are those values'
   * encoding, and a store that gives none holds the same row.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof StoredRow row
        && Objects.equals(eventTimestamp, row.eventTimestamp)
        && Objects.equals(values, row.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventTimestamp, values);
  }

  @Override
  public String toString() {
    return "StoredRow[eventTimestamp=" + eventTimestamp + ", values=" + values + "]";
  }
}
