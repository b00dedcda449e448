package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Typed values that arrive with a request, beside its join keys, for {@link OnDemandFeatureView}s
 * to combine with stored features. Each abstract method of the annotated interface is a field,
 * typed as a {@link FeatureView}'s features are; a caller sends it in {@code entities} beside the
 * join keys, one value per entity row.
 *
 * <pre>{@code
 * @RequestSource
 * public interface ValsToAdd {
 *   double valToAdd();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RequestSource {
  /** The source's name; defaults to the snake_case of the interface name. */
  String name() default "";

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";
}
