package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A free-form key and value attached to a definition, as Feast's {@code tags}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Tag {
  String key();

  String value();
}
