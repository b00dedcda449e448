package dev.freshet.processor.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.AnnotationValueVisitor;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.SimpleAnnotationValueVisitor14;

/**
 * Reads one annotation's attributes through its mirror (never through {@code getAnnotation}, which
 * cannot read {@code Class} values), and says where each was written for error reports.
 */
public final class AnnotationReader {
  /** The items of an array value, read without an unchecked cast. */
  private static final AnnotationValueVisitor<List<AnnotationValue>, String> ARRAY_ITEMS =
      new SimpleAnnotationValueVisitor14<>() {
        @Override
        public List<AnnotationValue> visitArray(
            List<? extends AnnotationValue> items, String name) {
          return new ArrayList<>(items);
        }

        @Override
        protected List<AnnotationValue> defaultAction(Object value, String name) {
          throw new IllegalArgumentException("attribute " + name + " is not an array: " + value);
        }
      };

  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;

  public AnnotationReader(Elements elements, AnnotationMirror mirror) {
    this.mirror = mirror;
    this.withDefaults = elements.getElementValuesWithDefaults(mirror);
    this.explicit = mirror.getElementValues();
  }

  /** The annotation of type {@code qualifiedName} on {@code element}, or null. */
  public static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror candidate : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) candidate.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return candidate;
      }
    }
    return null;
  }

  public AnnotationMirror mirror() {
    return mirror;
  }

  /** Where {@code name} was written, or null when it was left to its default. */
  public AnnotationValue written(String name) {
    return lookup(explicit, name);
  }

  /** Where {@code name} was written in {@code mirror}, or null when it was left to its default. */
  public static AnnotationValue writtenIn(AnnotationMirror mirror, String name) {
    return lookup(mirror.getElementValues(), name);
  }

  public String string(String name) {
    return (String) value(name).getValue();
  }

  public boolean bool(String name) {
    return (Boolean) value(name).getValue();
  }

  /** The name of an enum constant attribute. */
  public String enumConstant(String name) {
    return ((VariableElement) value(name).getValue()).getSimpleName().toString();
  }

  public List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      out.add((String) item.getValue());
    }
    return out;
  }

  public ClassRef classRef(String name) {
    return ClassRef.of(value(name).getValue(), written(name));
  }

  public List<ClassRef> classRefs(String name) {
    List<ClassRef> out = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      out.add(ClassRef.of(item.getValue(), item));
    }
    return out;
  }

  /** Nested annotations of an array attribute, each with the value to report problems on. */
  public List<AnnotationValue> list(String name) {
    return value(name).accept(ARRAY_ITEMS, name);
  }

  private AnnotationValue value(String name) {
    AnnotationValue value = lookup(withDefaults, name);
    if (value == null) {
      throw new IllegalArgumentException(
          "@" + mirror.getAnnotationType() + " has no attribute " + name);
    }
    return value;
  }

  private static AnnotationValue lookup(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        values.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * A {@code Class} attribute: the interface it names, or none for {@code void.class} (our "not
   * given") and for a class that does not compile (javac reports that already).
   */
  public record ClassRef(TypeElement type, boolean given, AnnotationValue written) {
    static ClassRef of(Object value, AnnotationValue written) {
      // javac gives a class that does not resolve as the string "<error>", not as a type.
      if (!(value instanceof TypeMirror mirror)) {
        return new ClassRef(null, true, written);
      }
      if (mirror.getKind() == TypeKind.VOID) {
        return new ClassRef(null, false, written);
      }
      if (mirror.getKind() == TypeKind.DECLARED) {
        return new ClassRef((TypeElement) ((DeclaredType) mirror).asElement(), true, written);
      }
      return new ClassRef(null, true, written);
    }

    /** Whether the class was given but could not be resolved; errors about it are javac's. */
    public boolean unresolved() {
      return given && type == null;
    }

    public String simpleName() {
      return type == null ? "?" : type.getSimpleName().toString();
    }
  }
}
