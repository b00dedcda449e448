package dev.freshet.sample;

import dev.freshet.annotations.KafkaSource;
import dev.freshet.annotations.TimestampFormat;
import java.time.Instant;

/** Driver events on the {@code drivers} topic, as the scenario's event emitter writes them. */
@KafkaSource(
    topic = "drivers",
    timestampField = "event_timestamp",
    timestampFormat = TimestampFormat.DATE_TIME_UTC,
    watermarkDelay = "5m",
    batchSource = DriverStatsSource.class)
public interface DriverEvents {
  long driverId();

  Instant eventTimestamp();

  Instant created();

  double milesDriven();
}
