package dev.freshet.runtime.streaming;

import java.time.Instant;

/**
 * One message, read: its fields' values in the order the source declares them (null where absent),
 * its event time, and the message as it came (for a repartition, which forwards bytes).
 */
record StreamEvent(Object[] values, Instant eventTime, byte[] raw) {}
