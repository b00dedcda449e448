package dev.freshet.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** An {@code @Entity}: its join keys are the interface's methods. */
public record EntityDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    List<Member> joinKeys,
    Metadata metadata)
    implements Definition {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.ENTITY;
  }
}
