package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.freshet.processor.base.Naming;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.Member;
import dev.freshet.spec.FeatureRow;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/** Writes a feature view's row record, e.g. {@code DriverHourlyStatsRow}. */
public final class RowWriter {
  private final Filer filer;

  public RowWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(FeatureViewDef view, List<Member> joinKeys) {
    ClassName name = Naming.rowRecord(view.element());
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (Member key : joinKeys) {
      constructor.addParameter(key.type().javaType(), Naming.camelCase(key.name()));
    }
    constructor.addParameter(Instant.class, "eventTimestamp");
    constructor.addParameter(ParameterSpec.builder(Instant.class, "createdTimestamp").build());
    for (Member feature : view.features()) {
      constructor.addParameter(feature.type().javaType(), Naming.camelCase(feature.name()));
    }
    TypeSpec row =
        TypeSpec.recordBuilder(name)
            .addOriginatingElement(view.element())
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                Lines.typeDoc(
                    "A row of feature view {@code "
                        + view.name()
                        + "}: the entity it describes, when,"
                        + " and its features. {@code createdTimestamp} is null when the source has no"
                        + " created column.",
                    ClassName.get(view.element())))
            .addModifiers(Modifier.PUBLIC)
            .recordConstructor(constructor.build())
            .addSuperinterface(FeatureRow.class)
            .addMethod(
                listMethod(
                    "joinKeyValues",
                    "List",
                    joinKeys.stream().map(k -> Naming.camelCase(k.name())).toList()))
            .addMethod(
                listMethod(
                    "featureValues",
                    "Arrays",
                    view.features().stream().map(f -> Naming.camelCase(f.name())).toList()))
            .build();
    GeneratedFiles.write(filer, name.packageName(), row);
  }

  /** {@code joinKeyValues()} never holds null ({@code List.of}); feature values may. */
  private static MethodSpec listMethod(String methodName, String factory, List<String> components) {
    CodeBlock arguments =
        components.stream().map(c -> CodeBlock.of("$L", c)).collect(CodeBlock.joining(",$W"));
    CodeBlock body =
        factory.equals("List")
            ? CodeBlock.of("return $T.<$T>of($L);\n", List.class, Object.class, arguments)
            : CodeBlock.of("return $T.<$T>asList($L);\n", Arrays.class, Object.class, arguments);
    return MethodSpec.methodBuilder(methodName)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(List.class, Object.class))
        .addCode(body)
        .build();
  }
}
