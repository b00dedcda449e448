package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the name of a join key, feature or message field, which otherwise is the snake_case of
 * the method name.
 *
 * <pre>{@code
 * @Name("avg_daily_trips") long averageDailyTrips();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Name {
  String value();
}
