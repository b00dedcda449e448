package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.freshet.processor.model.ClientDescriptor;
import dev.freshet.processor.model.ClientDescriptor.EntityColumn;
import dev.freshet.processor.model.ClientDescriptor.SelectedFeature;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes the record a typed client returns per entity online, e.g. {@code ModelV1Values}: the join
 * keys, then one {@code FeatureValue} (value, status, event time) per selected feature.
 */
public final class ValuesWriter {
  private final Filer filer;

  public ValuesWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(ClientDescriptor client) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (EntityColumn joinKey : client.joinKeys()) {
      constructor.addParameter(joinKey.type().javaType(), joinKey.accessor());
    }
    for (SelectedFeature feature : client.features()) {
      constructor.addParameter(
          ParameterizedTypeName.get(ClientTypes.FEATURE_VALUE, feature.type().boxedType()),
          feature.accessor());
    }
    TypeSpec record =
        TypeSpec.recordBuilder(client.values())
            .addOriginatingElement(client.definition())
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                Lines.typeDoc(
                    "The features of "
                        + client.description()
                        + " for one entity, each with its status"
                        + " and event time.",
                    ClassName.get(client.definition())))
            .addModifiers(Modifier.PUBLIC)
            .recordConstructor(constructor.build())
            .build();
    GeneratedFiles.write(filer, client.values().packageName(), record);
  }
}
