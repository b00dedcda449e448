package dev.freshet.processor.model;

import dev.freshet.processor.base.AnnotationReader.ClassRef;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A {@code @FeatureView}: its features are the interface's methods. */
public record FeatureViewDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    List<ClassRef> entities,
    ClassRef source,
    String ttl,
    boolean online,
    List<Member> features,
    Metadata metadata,
    String schedule,
    boolean acceptsNonFinite)
    implements ServedView {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.FEATURE_VIEW;
  }
}
