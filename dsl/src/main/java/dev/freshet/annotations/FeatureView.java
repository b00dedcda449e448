package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A group of features of the same entities, read from one source. Each abstract method of the
 * annotated interface is a feature; its return type is the feature's value type:
 *
 * <table>
 *   <caption>Java types and value types</caption>
 *   <tr><th>Java</th><th>value type</th></tr>
 *   <tr><td>{@code int} / {@code Integer}</td><td>INT32</td></tr>
 *   <tr><td>{@code long} / {@code Long}</td><td>INT64</td></tr>
 *   <tr><td>{@code float} / {@code Float}</td><td>FLOAT (FLOAT32)</td></tr>
 *   <tr><td>{@code double} / {@code Double}</td><td>DOUBLE (FLOAT64)</td></tr>
 *   <tr><td>{@code boolean} / {@code Boolean}</td><td>BOOL</td></tr>
 *   <tr><td>{@code String}</td><td>STRING</td></tr>
 *   <tr><td>{@code byte[]}</td><td>BYTES</td></tr>
 *   <tr><td>{@code Instant}</td><td>UNIX_TIMESTAMP</td></tr>
 *   <tr><td>{@code List<X>} of the boxed types above</td><td>X_LIST</td></tr>
 * </table>
 *
 * <p>A primitive feature is never null. A boxed type, or any annotation named {@code Nullable} on
 * the method, marks a feature that may be null.
 *
 * <pre>{@code
 * @FeatureView(
 *     entities = Driver.class,
 *     source = DriverStatsSource.class,
 *     ttl = "8640000000s",
 *     tags = @Tag(key = "production", value = "True"))
 * public interface DriverHourlyStats {
 *   float convRate();
 *   float accRate();
 *   float milesDriven();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureView {
  /** The view's name; defaults to the snake_case of the interface name. */
  String name() default "";

  /** The {@link Entity} interfaces whose join keys identify a row. */
  Class<?>[] entities() default {};

  /** The {@link FileSource} or {@link PushSource} the features are read from. Required. */
  Class<?> source() default void.class;

  /**
   * How long a value stays valid after its event time, e.g. {@code "2h"}, {@code "30d"}, {@code
   * "8640000000s"} or ISO-8601 {@code "PT2H"}; {@code "0"} means it never expires. Online reads of
   * older values say OUTSIDE_MAX_AGE; historical retrieval does not look further back.
   */
  String ttl() default "0";

  /**
   * How often {@code serve}, with {@code freshet.scheduling.enabled}, runs {@code
   * materialize-incremental} for this view: an interval such as {@code "15m"} or {@code "1h"}, or a
   * cron expression with seconds such as {@code "0 0 * * * *"} (every hour, on the hour). Empty:
   * not scheduled.
   */
  String schedule() default "";

  /** Whether the view is materialized to the online store and served. */
  boolean online() default true;

  /**
   * Whether pushes may give the view's {@code float} and {@code double} features (and lists of
   * them) the values NaN, Infinity and -Infinity, written as the JSON strings {@code "NaN"}, {@code
   * "Infinity"} and {@code "-Infinity"}. Refused by default: JSON has no such numbers, and one that
   * arrives is most often a division by zero upstream. A number too large for the type (such as
   * {@code 1e39} for a {@code float}) is refused either way.
   */
  boolean acceptsNonFinite() default false;

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";
}
