package dev.freshet.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.freshet.processor.base.Naming;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.OnDemandViewDef;
import dev.freshet.processor.model.RequestSourceDef;
import dev.freshet.spec.OnDemandTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * Writes an on-demand view's transform class, e.g. {@code TransformedConvRateTransform}: it gives
 * each input's values to the user's method as a record implementing the input's interface, and
 * reads the features off the record the method returns. No reflection: javac checked the call.
 */
public final class TransformWriter {
  private static final ClassName LIST = ClassName.get(List.class);
  private static final TypeName VALUES =
      ParameterizedTypeName.get(LIST, ClassName.get(Object.class));

  private final Filer filer;

  public TransformWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(OnDemandViewDef view, List<Definition> inputs) {
    ClassName name = Naming.transform(view.element());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addOriginatingElement(view.element())
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                Lines.typeDoc(
                    "The transform of on-demand feature view {@code "
                        + view.name()
                        + "}: calls {@code "
                        + view.element().getSimpleName()
                        + "."
                        + view.transform().getSimpleName()
                        + "} with each input's values of one entity row.",
                    ClassName.get(view.element())))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(OnDemandTransform.class);

    List<CodeBlock> arguments = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Definition input = inputs.get(i);
      ClassName record = name.nestedClass(Naming.flatSimpleName(input.element()) + "Input");
      type.addType(inputRecord(record, input));
      arguments.add(CodeBlock.of("new $T(inputs.get($L))", record, i));
    }
    List<CodeBlock> outputs = new ArrayList<>();
    for (Member feature : view.features()) {
      outputs.add(CodeBlock.of("features.$L()", feature.javaName()));
    }
    type.addMethod(
        MethodSpec.methodBuilder("apply")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(VALUES)
            .addParameter(ParameterizedTypeName.get(LIST, VALUES), "inputs")
            .addStatement(
                "$T features =$W$T.$L($L)",
                ClassName.get(view.element()),
                ClassName.get(view.element()),
                view.transform().getSimpleName(),
                CodeBlock.join(arguments, ",$W"))
            .addStatement(
                "return $T.<$T>asList($L)",
                Arrays.class,
                Object.class,
                CodeBlock.join(outputs, ",$W"))
            .build());
    GeneratedFiles.write(filer, name.packageName(), type.build());
  }

  /** A record of one input's values, implementing its interface, read from the runtime's list. */
  private static TypeSpec inputRecord(ClassName record, Definition input) {
    List<Member> members =
        input instanceof FeatureViewDef view
            ? view.features()
            : ((RequestSourceDef) input).fields();
    MethodSpec.Builder canonical = MethodSpec.constructorBuilder();
    List<CodeBlock> casts = new ArrayList<>();
    boolean unchecked = false;
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      TypeName declared = TypeName.get(member.method().getReturnType());
      canonical.addParameter(declared, member.javaName());
      TypeName cast = declared.isPrimitive() ? declared.box() : declared;
      unchecked |=
          member.method().getReturnType().getKind() == TypeKind.DECLARED
              && cast instanceof ParameterizedTypeName;
      casts.add(CodeBlock.of("($T) values.get($L)", cast, i));
    }
    MethodSpec.Builder fromValues =
        MethodSpec.constructorBuilder()
            .addParameter(VALUES, "values")
            .addStatement("this($L)", CodeBlock.join(casts, ",$W"));
    if (unchecked) {
      // The runtime gives each list feature as a list of its element type.
      fromValues.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "unchecked")
              .build());
    }
    return TypeSpec.recordBuilder(record)
        .addJavadoc(
            Lines.memberDoc(
                "The values of "
                    + input.kind().noun()
                    + " {@code "
                    + input.name()
                    + "}, as the transform reads them."))
        .addModifiers(Modifier.PRIVATE)
        .addSuperinterface(ClassName.get(input.element()))
        .recordConstructor(canonical.build())
        .addMethod(fromValues.build())
        .build();
  }
}
