package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Computes features of an existing {@link FeatureView} from a {@link KafkaSource}, as events
 * arrive. Each abstract method names a feature of the target view (same name, same type) and, with
 * {@link Aggregation}, how it is computed from the messages; without aggregations every message is
 * one row and each feature is copied from the message field of the same name.
 *
 * <p>The stream view has no entities of its own: it uses the target view's, whose join keys must be
 * fields of the messages.
 *
 * <pre>{@code
 * @StreamFeatureView(source = DriverEvents.class, target = DriverDailyFeatures.class)
 * public interface DriverDailyMiles {
 *   @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d", slide = "1h")
 *   float dailyMilesDriven();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface StreamFeatureView {
  /** The stream view's name; defaults to the snake_case of the interface name. */
  String name() default "";

  /** The {@link KafkaSource} the events come from. Required. */
  Class<?> source() default void.class;

  /** The {@link FeatureView} whose features this stream keeps fresh. Required. */
  Class<?> target() default void.class;

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";
}
