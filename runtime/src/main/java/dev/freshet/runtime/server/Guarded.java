package dev.freshet.runtime.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an endpoint gives access to. {@link AccessFilter} reads it from the route Micronaut matched,
 * not from the request's path, so that every spelling that reaches the method ({@code /push/},
 * {@code //push}, {@code /%70ush}) is checked as {@code /push} is.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Guarded {
  AccessRules.Access value();
}
