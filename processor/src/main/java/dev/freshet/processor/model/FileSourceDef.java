package dev.freshet.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/** A {@code @FileSource}. */
public record FileSourceDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    String path,
    String timestampField,
    String createdTimestampColumn,
    List<Mapping> fieldMapping,
    Metadata metadata)
    implements Definition {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.FILE_SOURCE;
  }

  /** The column a feature or join key is read from. */
  public String columnFor(String feature) {
    for (Mapping mapping : fieldMapping) {
      if (mapping.feature().equals(feature)) {
        return mapping.column();
      }
    }
    return feature;
  }

  /** One {@code @FieldMapping}, and where it was written. */
  public record Mapping(String column, String feature, AnnotationValue written) {}
}
