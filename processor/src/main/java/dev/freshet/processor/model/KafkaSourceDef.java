package dev.freshet.processor.model;

import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import dev.freshet.processor.base.AnnotationReader.ClassRef;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A {@code @KafkaSource}: its message fields are the interface's methods. */
public record KafkaSourceDef(
    TypeElement element,
    AnnotationMirror mirror,
    String name,
    String topic,
    MessageFormat format,
    String avroSchema,
    String timestampField,
    TimestampFormat timestampFormat,
    String watermarkDelay,
    ClassRef batchSource,
    List<Member> fields,
    Metadata metadata)
    implements Definition {

  @Override
  public DefinitionKind kind() {
    return DefinitionKind.KAFKA_SOURCE;
  }

  /** The message field called {@code name}, or null. */
  public Member field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }
}
