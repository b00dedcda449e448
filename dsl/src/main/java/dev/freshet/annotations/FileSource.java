package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A batch source of Parquet data: one file, or a directory of files.
 *
 * <pre>{@code
 * @FileSource(
 *     path = "data/driver_stats.parquet",
 *     timestampField = "event_timestamp",
 *     createdTimestampColumn = "created")
 * public interface DriverStatsSource {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FileSource {
  /** The source's name; defaults to the snake_case of the interface name. */
  String name() default "";

  /** The Parquet file or directory, relative to the feature repository root set at run time. */
  String path();

  /** The column holding each row's event time. */
  String timestampField() default "event_timestamp";

  /** The column holding when each row was written; breaks ties between equal event times. */
  String createdTimestampColumn() default "";

  /** Source columns whose names differ from the feature or join key they feed. */
  FieldMapping[] fieldMapping() default {};

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";
}
