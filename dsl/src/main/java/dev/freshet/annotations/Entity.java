package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity: the thing features describe, identified by its join keys.
 *
 * <p>Each abstract method of the annotated interface is a join key; its return type is the key's
 * value type ({@code int}, {@code long} or {@code String}).
 *
 * <pre>{@code
 * @Entity(description = "driver id")
 * public interface Driver {
 *   long driverId(); // join key "driver_id", INT64
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {
  /** The entity's name; defaults to the snake_case of the interface name. */
  String name() default "";

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";
}
