package dev.freshet.processor.model;

import dev.freshet.processor.base.AnnotationReader.ClassRef;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/** A {@code @FeatureService}. */
public record FeatureServiceDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    List<Selection> selections,
    Metadata metadata)
    implements Definition {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.FEATURE_SERVICE;
  }

  /** One {@code @Select}; {@code features} empty selects the whole view. */
  public record Selection(
      AnnotationValue written, ClassRef view, List<SelectedName> features, String alias) {}

  /** A feature name as written in {@code @Select(features = ...)}. */
  public record SelectedName(String name, AnnotationValue written) {}
}
