package dev.freshet.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** One annotated interface (or, for an on-demand view, record) of the repository. */
public sealed interface Definition
    permits EntityDef,
        FileSourceDef,
        PushSourceDef,
        KafkaSourceDef,
        ServedView,
        StreamViewDef,
        RequestSourceDef,
        FeatureServiceDef {
  TypeElement element();

  AnnotationMirror mirror();

  String name();

  DefinitionKind kind();

  Metadata metadata();

  /** {@code feature view 'driver_hourly_stats'}, for messages. */
  default String describe() {
    return kind().noun() + " '" + name() + "'";
  }
}
