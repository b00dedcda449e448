package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A source that clients push rows into (HTTP {@code /push} or a stream job). Its batch source holds
 * the same rows for training and for backfilling the online store.
 *
 * <pre>{@code
 * @PushSource(batchSource = DriverStatsSource.class)
 * public interface DriverStatsPushSource {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PushSource {
  /** The source's name; defaults to the snake_case of the interface name. */
  String name() default "";

  /** The {@link FileSource} this push source mirrors. Required. */
  Class<?> batchSource() default void.class;

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";
}
