package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Features computed when they are asked for, by a Java method, from stored features and request
 * values. The annotated type is a record: its components are the features (typed as a {@link
 * FeatureView}'s), and its one static method that returns the record is the transform. The
 * transform's parameters are its inputs, each the interface of a {@link FeatureView} or of a {@link
 * RequestSource}; it is given the entity row's values of each, and runs in the server's process,
 * the same bytecode online and in training data.
 *
 * <pre>{@code
 * @OnDemandFeatureView
 * public record TransformedConvRate(double convRatePlusVal1, double convRatePlusVal2) {
 *   static TransformedConvRate transform(DriverHourlyStats stats, ValsToAdd request) {
 *     return new TransformedConvRate(
 *         stats.convRate() + request.valToAdd(), stats.accRate() + request.valToAdd());
 *   }
 * }
 * }</pre>
 *
 * <p>An input view's entity that is not found gives NOT_FOUND outputs without running the
 * transform; an input older than its view's ttl gives outputs that say OUTSIDE_MAX_AGE.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OnDemandFeatureView {
  /** The view's name; defaults to the snake_case of the record name. */
  String name() default "";

  String description() default "";

  Tag[] tags() default {};

  String owner() default "";

  /**
   * Computes the features when the one view it reads is written (a push, a materialization, a
   * stream window) and stores them, as Feast's {@code write_to_online_store}: serving then reads
   * them like stored features and runs no transform. Such a view reads one {@link FeatureView} and
   * no {@link RequestSource}, since no request is at hand when rows are written.
   */
  boolean writeToOnlineStore() default false;
}
