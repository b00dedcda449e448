package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Kafka topic of events. Each abstract method of the annotated interface declares a field of the
 * messages, with its type; stream feature views aggregate these fields. The brokers come from
 * run-time configuration, never from the definition.
 *
 * <pre>{@code
 * @KafkaSource(
 *     topic = "drivers",
 *     timestampField = "event_timestamp",
 *     timestampFormat = TimestampFormat.DATE_TIME_UTC,
 *     watermarkDelay = "5m",
 *     batchSource = DriverStatsSource.class)
 * public interface DriverEvents {
 *   long driverId();
 *   Instant eventTimestamp();
 *   float milesDriven();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface KafkaSource {
  /** The source's name; defaults to the snake_case of the interface name. */
  String name() default "";

  String topic();

  MessageFormat format() default MessageFormat.JSON;

  /** The Avro schema (JSON text) of the messages; required when {@link #format} is AVRO. */
  String avroSchema() default "";

  /** The message field holding the event time. */
  String timestampField() default "event_timestamp";

  TimestampFormat timestampFormat() default TimestampFormat.ISO_8601;

  /** How long to wait for late events, e.g. {@code "5m"}; later ones are dropped and counted. */
  String watermarkDelay() default "0";

  /** The {@link FileSource} holding the same events for training and backfills. Required. */
  Class<?> batchSource() default void.class;

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";
}
