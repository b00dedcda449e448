package dev.freshet.bench.definitions;

import dev.freshet.annotations.KafkaSource;
import dev.freshet.annotations.TimestampFormat;
import java.time.Instant;

/** Ride events for the stream benchmark, times in epoch milliseconds. */
@KafkaSource(
    topic = "rider_events",
    timestampField = "event_timestamp",
    timestampFormat = TimestampFormat.EPOCH_MILLIS,
    watermarkDelay = "5m",
    batchSource = RiderTripsSource.class)
public interface RiderEvents {
  long riderId();

  Instant eventTimestamp();

  double distance();
}
