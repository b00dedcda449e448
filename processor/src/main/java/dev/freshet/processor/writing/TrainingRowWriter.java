package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.freshet.processor.model.ClientDescriptor;
import dev.freshet.processor.model.ClientDescriptor.EntityColumn;
import dev.freshet.processor.model.ClientDescriptor.SelectedFeature;
import java.time.Instant;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes the record of one training row of a typed client, e.g. {@code ModelV1TrainingRow}: the
 * join keys, the event time, then each feature's value, boxed, or null when there was none.
 */
public final class TrainingRowWriter {
  private final Filer filer;

  public TrainingRowWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(ClientDescriptor client) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (EntityColumn joinKey : client.joinKeys()) {
      constructor.addParameter(joinKey.type().javaType(), joinKey.accessor());
    }
    constructor.addParameter(Instant.class, "eventTimestamp");
    for (SelectedFeature feature : client.features()) {
      constructor.addParameter(feature.type().boxedType(), feature.accessor());
    }
    TypeSpec record =
        TypeSpec.recordBuilder(client.trainingRow())
            .addOriginatingElement(client.definition())
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                Lines.typeDoc(
                    "One training row of "
                        + client.description()
                        + ": an entity, the time it is"
                        + " labelled at, and each feature's value as of that time (null when there was"
                        + " none within the view's ttl).",
                    ClassName.get(client.definition())))
            .addModifiers(Modifier.PUBLIC)
            .recordConstructor(constructor.build())
            .build();
    GeneratedFiles.write(filer, client.trainingRow().packageName(), record);
  }
}
