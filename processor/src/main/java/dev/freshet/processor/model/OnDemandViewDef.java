package dev.freshet.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @OnDemandFeatureView}: its features are the record's components, its transforms the
 * record's static methods that return it (validation asks for exactly one); {@code
 * writeToOnlineStore} computes and stores them when its input view is written.
 */
public record OnDemandViewDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    List<Member> features,
    List<ExecutableElement> transforms,
    boolean writeToOnlineStore,
    Metadata metadata)
    implements ServedView {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.ON_DEMAND_FEATURE_VIEW;
  }

  /** The transform, when there is exactly one. */
  public ExecutableElement transform() {
    return transforms.size() == 1 ? transforms.get(0) : null;
  }
}
