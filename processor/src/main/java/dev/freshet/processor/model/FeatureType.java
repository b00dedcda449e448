package dev.freshet.processor.model;

import com.palantir.javapoet.TypeName;
import dev.freshet.spec.ValueType;

/**
 * The type of a declared member: its value type, whether it may be null, and the Java type rows
 * hold it in (primitive when it may not be null, else boxed or a reference type).
 */
public record FeatureType(ValueType valueType, boolean nullable, TypeName javaType) {

  /** The type as a reference type, for {@code FeatureValue<T>}. */
  public TypeName boxedType() {
    return javaType.isPrimitive() ? javaType.box() : javaType;
  }
}
