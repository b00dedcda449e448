package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The features a model reads, selected from one or more views. The processor generates a typed
 * client for it, named after the interface ({@code ModelV1Client}).
 *
 * <pre>{@code
 * @FeatureService(features = @Select(view = DriverHourlyStats.class, features = "conv_rate"))
 * public interface ModelV1 {}
 *
 * @FeatureService(features = @Select(view = DriverHourlyStats.class)) // every feature of the view
 * public interface ModelV2 {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureService {
  /** The service's name; defaults to the snake_case of the interface name. */
  String name() default "";

  /** The selected features, one {@link Select} per view. */
  Select[] features();

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";
}
