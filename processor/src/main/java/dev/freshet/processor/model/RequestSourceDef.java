package dev.freshet.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A {@code @RequestSource}: its fields are the interface's methods. */
public record RequestSourceDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    List<Member> fields,
    Metadata metadata)
    implements Definition {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.REQUEST_SOURCE;
  }
}
