package dev.freshet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Reads the source column {@link #column} as the feature or join key {@link #feature}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface FieldMapping {
  /** The column's name in the source. */
  String column();

  /** The feature or join key name it becomes. */
  String feature();
}
