package dev.freshet.runtime.scheduling;

import java.time.Instant;

/**
 * One scheduled run of a view: {@code succeeded} (with the entities written), {@code failed} (with
 * the error), or {@code skipped} because another process held the view's lock.
 */
public record ScheduledRun(
    String view,
    Instant started,
    Instant finished,
    String outcome,
    long entitiesWritten,
    String error) {}
