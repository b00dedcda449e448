package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@link StreamFeatureView} computes one feature: {@link #function} over the message field
 * {@link #column}, in hopping windows of {@link #window} that start every {@link #slide}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Aggregation {
  AggregationFunction function();

  /** The message field aggregated, as named in the {@link KafkaSource}. */
  String column();

  /** The window length, e.g. {@code "1d"}; a whole multiple of {@link #slide}. */
  String window();

  /** How often a window starts, e.g. {@code "1h"}; defaults to the window (tumbling windows). */
  String slide() default "";
}
