package dev.freshet.processor.model;

import javax.lang.model.element.ExecutableElement;

/**
 * A join key, feature or message field: the method that declares it, its name, and its type, or
 * null when the Java type has no value type (validation reports that).
 */
public record Member(ExecutableElement method, String name, FeatureType type) {

  public String javaName() {
    return method.getSimpleName().toString();
  }
}
