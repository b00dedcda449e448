package dev.freshet.runtime.materialize;

import java.time.Duration;
import java.time.Instant;

/**
 * What materializing one view did.
 *
 * @param rowsRead source rows in the time range
 * @param entities distinct entities among them, each one row to write
 * @param note why nothing was read, when nothing was (empty otherwise)
 */
public record ViewSummary(
    String view,
    Instant start,
    Instant end,
    long rowsRead,
    long entities,
    long written,
    long skippedAsOlder,
    Duration took,
    String note) {}
