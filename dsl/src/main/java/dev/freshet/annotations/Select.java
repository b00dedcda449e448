package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A selection of features from one {@link FeatureView} for a {@link FeatureService}.
 *
 * <p>{@link #alias} renames the view within the service, as Feast's {@code with_name}: full feature
 * names become {@code alias__feature}, which lets a service select two projections of features with
 * the same names.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Select {
  /** The {@link FeatureView} interface. */
  Class<?> view();

  /** The features' names in the view; empty selects every feature of the view. */
  String[] features() default {};

  /** The name of the view within the service; empty keeps the view's name. */
  String alias() default "";
}
