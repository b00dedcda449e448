package dev.freshet.processor.model;

import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.freshet.spec.ValueType;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps the Java type of a declared member to its value type, as {@code @FeatureView} documents. */
public final class TypeMapper {
  private static final Map<TypeKind, ValueType> PRIMITIVES =
      Map.of(
          TypeKind.INT, ValueType.INT32,
          TypeKind.LONG, ValueType.INT64,
          TypeKind.FLOAT, ValueType.FLOAT,
          TypeKind.DOUBLE, ValueType.DOUBLE,
          TypeKind.BOOLEAN, ValueType.BOOL);

  private static final Map<String, ValueType> REFERENCES =
      Map.of(
          "java.lang.Integer", ValueType.INT32,
          "java.lang.Long", ValueType.INT64,
          "java.lang.Float", ValueType.FLOAT,
          "java.lang.Double", ValueType.DOUBLE,
          "java.lang.Boolean", ValueType.BOOL,
          "java.lang.String", ValueType.STRING,
          "java.time.Instant", ValueType.UNIX_TIMESTAMP);

  /** What users may write, for error messages. */
  public static final String SUPPORTED =
      "int, long, float, double, boolean, their boxed types, String, byte[], Instant, or a List of"
          + " Integer, Long, Float, Double, Boolean, String, byte[] or Instant";

  private TypeMapper() {}

  /** The type of the member {@code method} declares, or null when it has no value type. */
  public static FeatureType map(ExecutableElement method) {
    TypeMirror type = method.getReturnType();
    boolean annotatedNullable =
        hasNullable(method.getAnnotationMirrors()) || hasNullable(type.getAnnotationMirrors());
    ValueType primitive = PRIMITIVES.get(type.getKind());
    if (primitive != null) {
      // A primitive cannot hold null; @Nullable on one is honoured by boxing it.
      TypeName javaType = TypeName.get(type).withoutAnnotations();
      return annotatedNullable
          ? new FeatureType(primitive, true, javaType.box())
          : new FeatureType(primitive, false, javaType);
    }
    ValueType element = scalar(type);
    if (element != null) {
      boolean boxed = type.getKind() == TypeKind.DECLARED && isBoxedPrimitive((DeclaredType) type);
      return new FeatureType(
          element, boxed || annotatedNullable, TypeName.get(type).withoutAnnotations());
    }
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      TypeElement raw = (TypeElement) declared.asElement();
      if (raw.getQualifiedName().contentEquals("java.util.List")
          && declared.getTypeArguments().size() == 1) {
        ValueType listElement = scalar(declared.getTypeArguments().get(0));
        if (listElement != null) {
          TypeName javaType =
              ParameterizedTypeName.get(
                  com.palantir.javapoet.ClassName.get(List.class),
                  TypeName.get(declared.getTypeArguments().get(0)).withoutAnnotations());
          return new FeatureType(listElement.listType(), annotatedNullable, javaType);
        }
      }
    }
    return null;
  }

  /** The value type of a non-primitive, non-list type: boxed, String, Instant, byte[]. */
  private static ValueType scalar(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return ValueType.BYTES;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return REFERENCES.get(element.getQualifiedName().toString());
  }

  private static boolean isBoxedPrimitive(DeclaredType type) {
    String name = ((TypeElement) type.asElement()).getQualifiedName().toString();
    return name.startsWith("java.lang.") && !name.equals("java.lang.String");
  }

  private static boolean hasNullable(List<? extends AnnotationMirror> annotations) {
    return annotations.stream()
        .anyMatch(a -> a.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable"));
  }
}
