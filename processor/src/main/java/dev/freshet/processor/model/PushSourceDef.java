package dev.freshet.processor.model;

import dev.freshet.processor.base.AnnotationReader.ClassRef;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A {@code @PushSource}. */
public record PushSourceDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    ClassRef batchSource,
    Metadata metadata)
    implements Definition {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.PUSH_SOURCE;
  }
}
