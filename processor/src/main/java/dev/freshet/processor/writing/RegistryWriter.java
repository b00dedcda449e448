package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.freshet.processor.base.Naming;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.EntitySpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.Materializer;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the repository's registry class ({@code FreshetRegistry}): every definition as a constant,
 * the lists the runtime reads, the materializer of each view, and its {@link
 * java.util.ServiceLoader} entry.
 */
public final class RegistryWriter {
  private final Filer filer;

  public RegistryWriter(Filer filer) {
    this.filer = filer;
  }

  /** What the registry lists, and the views that have a materializer. */
  public record Contents(
      List<EntitySpec> entities,
      List<DataSourceSpec> dataSources,
      List<FeatureViewSpec> featureViews,
      List<StreamFeatureViewSpec> streamFeatureViews,
      List<FeatureServiceSpec> featureServices,
      Map<String, FeatureViewDef> materializedViews,
      List<OnDemandFeatureViewSpec> onDemandFeatureViews,
      Map<String, ClassName> transforms) {}

  /**
   * Writes the registry {@code name} of project {@code project}; an empty {@code project} leaves
   * {@link FeatureRegistry#project()} to its default.
   */
  public void write(
      ClassName name, String project, Contents contents, List<Definition> originatingElements) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                "Every definition of this feature repository. The runtime finds it through\n"
                    + "{@link java.util.ServiceLoader}; the constants are there for code that wants\n"
                    + "one definition by name.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(FeatureRegistry.class);
    for (Definition definition : originatingElements) {
      type.addOriginatingElement(definition.element());
    }
    // Constants first, then the lists and accessors, so the definitions read top to bottom.
    TypeSpec.Builder lists = TypeSpec.classBuilder("Lists");
    addGroup(
        type,
        lists,
        Naming::entityConstant,
        "ENTITIES",
        "entities",
        EntitySpec.class,
        contents.entities(),
        EntitySpec::name,
        SpecCode::entity);
    addGroup(
        type,
        lists,
        Naming::dataSourceConstant,
        "DATA_SOURCES",
        "dataSources",
        DataSourceSpec.class,
        contents.dataSources(),
        DataSourceSpec::name,
        SpecCode::dataSource);
    addGroup(
        type,
        lists,
        Naming::featureViewConstant,
        "FEATURE_VIEWS",
        "featureViews",
        FeatureViewSpec.class,
        contents.featureViews(),
        FeatureViewSpec::name,
        SpecCode::featureView);
    addGroup(
        type,
        lists,
        Naming::streamFeatureViewConstant,
        "STREAM_FEATURE_VIEWS",
        "streamFeatureViews",
        StreamFeatureViewSpec.class,
        contents.streamFeatureViews(),
        StreamFeatureViewSpec::name,
        SpecCode::streamFeatureView);
    addGroup(
        type,
        lists,
        Naming::featureServiceConstant,
        "FEATURE_SERVICES",
        "featureServices",
        FeatureServiceSpec.class,
        contents.featureServices(),
        FeatureServiceSpec::name,
        SpecCode::featureService);
    if (!contents.onDemandFeatureViews().isEmpty()) {
      addGroup(
          type,
          lists,
          Naming::onDemandViewConstant,
          "ON_DEMAND_FEATURE_VIEWS",
          "onDemandFeatureViews",
          OnDemandFeatureViewSpec.class,
          contents.onDemandFeatureViews(),
          OnDemandFeatureViewSpec::name,
          v -> SpecCode.onDemandFeatureView(v, contents.transforms().get(v.name())));
    }
    TypeSpec collected = lists.build();
    type.addFields(collected.fieldSpecs());
    if (!project.isEmpty()) {
      type.addMethod(
          MethodSpec.methodBuilder("project")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(String.class)
              .addStatement("return $S", project)
              .build());
    }
    type.addMethods(collected.methodSpecs());
    type.addMethod(materializerMethod(contents.materializedViews()));
    GeneratedFiles.write(filer, name.packageName(), type.build());
    writeServiceEntry(name, originatingElements);
  }

  private static <S> void addGroup(
      TypeSpec.Builder type,
      TypeSpec.Builder lists,
      Function<String, String> constantName,
      String listName,
      String accessor,
      Class<?> specType,
      List<? extends S> specs,
      Function<S, String> name,
      Function<S, CodeBlock> code) {
    List<CodeBlock> constants = new ArrayList<>();
    for (S spec : specs) {
      String constant = constantName.apply(name.apply(spec));
      TypeName declared =
          spec instanceof DataSourceSpec ? ClassName.get(spec.getClass()) : ClassName.get(specType);
      type.addField(
          FieldSpec.builder(declared, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .initializer("$>$>\n$L$<$<", code.apply(spec))
              .build());
      constants.add(CodeBlock.of("$L", constant));
    }
    ParameterizedTypeName listType =
        ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(specType));
    String declaration =
        "  private static final List<"
            + ClassName.get(specType).simpleName()
            + "> "
            + listName
            + " = ";
    lists.addField(
        FieldSpec.builder(listType, listName, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(Lines.listInitializer(declaration, constants))
            .build());
    lists.addMethod(
        MethodSpec.methodBuilder(accessor)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(listType)
            .addStatement("return $L", listName)
            .build());
  }

  private static MethodSpec materializerMethod(Map<String, FeatureViewDef> views) {
    TypeName materializer =
        ParameterizedTypeName.get(
            ClassName.get(Materializer.class), WildcardTypeName.subtypeOf(FeatureRow.class));
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("materializer")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), materializer))
            .addParameter(String.class, "featureView");
    if (views.isEmpty()) {
      return method.addStatement("return $T.empty()", Optional.class).build();
    }
    method.addCode("return switch (featureView) {\n$>");
    views.forEach(
        (view, def) ->
            method.addCode(
                "case $S -> $T.of(new $T());\n",
                view,
                Optional.class,
                Naming.materializer(def.element())));
    method.addCode("default -> $T.empty();\n$<};\n", Optional.class);
    return method.build();
  }

  private void writeServiceEntry(ClassName name, List<Definition> originatingElements) {
    Element[] elements =
        originatingElements.stream().map(Definition::element).toArray(Element[]::new);
    try {
      FileObject file =
          filer.createResource(
              StandardLocation.CLASS_OUTPUT,
              "",
              "META-INF/services/" + FeatureRegistry.class.getName(),
              elements);
      try (Writer writer = file.openWriter()) {
        writer.write(name.canonicalName() + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the ServiceLoader entry of " + name, e);
    }
  }
}
