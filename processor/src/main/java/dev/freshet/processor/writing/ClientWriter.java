package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.freshet.processor.base.Naming;
import dev.freshet.processor.model.Member;
import dev.freshet.spec.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the typed client of a feature service or feature view ({@code ModelV1Client}), the
 * record it returns per entity online ({@code ModelV1Values}: join keys, then one {@code
 * FeatureValue} per selected feature) and the record of one training row ({@code
 * ModelV1TrainingRow}: join keys, event time, then each feature's value or null).
 */
public final class ClientWriter {
  private final Filer filer;

  public ClientWriter(Filer filer) {
    this.filer = filer;
  }

  /** A selected feature: the view that has it, the name the service gives that view, its member. */
  public record SelectedFeature(String view, String projection, Member member) {}

  /**
   * Writes the client of {@code definition}.
   *
   * @param featureService the service's name, or empty for a feature view's client
   * @param description "feature service {@code model_v1}", for javadoc
   */
  public void write(
      TypeElement definition,
      String featureService,
      String description,
      List<Member> joinKeys,
      List<SelectedFeature> features) {
    ClassName client = Naming.client(definition);
    ClassName values = Naming.values(definition);
    List<String> accessors = accessorNames(joinKeys, features);

    writeValues(definition, description, values, joinKeys, features, accessors);
    ClassName trainingRow = Naming.trainingRow(definition);
    writeTrainingRow(definition, description, trainingRow, joinKeys, features, accessors);

    boolean compositeKey = joinKeys.size() > 1;
    ClassName key = client.nestedClass("Key");
    TypeName keyType = compositeKey ? key : joinKeys.get(0).type().boxedType();
    ParameterizedTypeName keyList = ParameterizedTypeName.get(ClassName.get(List.class), keyType);
    ParameterizedTypeName valuesList = ParameterizedTypeName.get(ClassName.get(List.class), values);
    String keysParameter = compositeKey ? "keys" : Naming.camelCase(joinKeys.get(0).name()) + "s";

    TypeSpec.Builder type =
        TypeSpec.classBuilder(client)
            .addOriginatingElement(definition)
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                "Reads the features of $L online, typed. Each call is one round trip through its\n"
                    + "{@link FeatureTransport}.\n\n<p>Generated from {@link $T}.\n",
                description,
                ClassName.get(definition))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(
                FieldSpec.builder(String.class, "FEATURE_SERVICE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The feature service requested, or empty when the features are listed.\n")
                    .initializer("$S", featureService)
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(List.class), ClientTypes.FEATURE_REF),
                        "FEATURES",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$T.of(\n$>$L$<)", List.class, featureRefs(features))
                    .build())
            .addField(ClientTypes.FEATURE_TRANSPORT, "transport", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(ClientTypes.FEATURE_TRANSPORT, "transport")
                    .addStatement("this.transport = $T.requireNonNull(transport, $S)", Objects.class, "transport")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("over")
                    .addJavadoc("A client reading through {@code transport}.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(client)
                    .addParameter(ClientTypes.FEATURE_TRANSPORT, "transport")
                    .addStatement("return new $T(transport)", client)
                    .build())
            .addMethod(remoteFactory(client))
            .addMethod(getOne(values, joinKeys, compositeKey, key))
            .addMethod(getAll(values, valuesList, keyList, keysParameter, joinKeys, features, compositeKey))
            .addMethod(trainingRows(description, trainingRow, keyList, keysParameter, joinKeys, features, compositeKey));
    if (compositeKey) {
      MethodSpec.Builder keyConstructor = MethodSpec.constructorBuilder();
      joinKeys.forEach(k -> keyConstructor.addParameter(k.type().javaType(), Naming.camelCase(k.name())));
      type.addType(
          TypeSpec.recordBuilder(key)
              .addJavadoc("The join key values of one entity row.\n")
              .addModifiers(Modifier.PUBLIC)
              .recordConstructor(keyConstructor.build())
              .build());
    }
    GeneratedFiles.write(filer, client.packageName(), type.build());
  }

  private static MethodSpec remoteFactory(ClassName client) {
    return MethodSpec.methodBuilder("remote")
        .addJavadoc("A client of the feature server at {@code server}, e.g. {@code http://features:6566}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(client)
        .addParameter(java.net.URI.class, "server")
        .addStatement("return new $T($T.of(server))", client, ClientTypes.REMOTE_TRANSPORT)
        .build();
  }

  private MethodSpec getOne(ClassName values, List<Member> joinKeys, boolean compositeKey, ClassName key) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("get")
            .addJavadoc("The features of one entity.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(values);
    List<String> names = joinKeys.stream().map(k -> Naming.camelCase(k.name())).toList();
    for (Member joinKey : joinKeys) {
      method.addParameter(joinKey.type().javaType(), Naming.camelCase(joinKey.name()));
    }
    String arguments = String.join(", ", names);
    return compositeKey
        ? method.addStatement("return getAll($T.of(new $T($L))).get(0)", List.class, key, arguments).build()
        : method.addStatement("return getAll($T.of($L)).get(0)", List.class, arguments).build();
  }

  private MethodSpec getAll(
      ClassName values,
      ParameterizedTypeName valuesList,
      ParameterizedTypeName keyList,
      String keysParameter,
      List<Member> joinKeys,
      List<SelectedFeature> features,
      boolean compositeKey) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("getAll")
            .addJavadoc(
                "The features of each entity, in the order given, in one round trip.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(valuesList)
            .addParameter(ParameterSpec.builder(keyList, keysParameter).build());
    putEntities(method, joinKeys, keysParameter, compositeKey);
    method.addStatement(
        "$T response = transport.read(new $T(FEATURE_SERVICE, FEATURES, entities))",
        ClientTypes.ONLINE_RESPONSE,
        ClientTypes.ONLINE_REQUEST);
    method.addStatement("$T result = new $T<>($L.size())", valuesList, ArrayList.class, keysParameter);
    method.beginControlFlow("for (int row = 0; row < $L.size(); row++)", keysParameter);
    List<CodeBlock> arguments = keyArguments(joinKeys, keysParameter, compositeKey);
    boolean unchecked = false;
    for (int i = 0; i < features.size(); i++) {
      TypeName boxed = features.get(i).member().type().boxedType();
      if (boxed instanceof ParameterizedTypeName) {
        unchecked = true;
        arguments.add(
            CodeBlock.of(
                "($T) ($T<?>) response.value($L, row, $T.class)",
                ParameterizedTypeName.get(ClientTypes.FEATURE_VALUE, boxed),
                ClientTypes.FEATURE_VALUE,
                i,
                List.class));
      } else {
        arguments.add(CodeBlock.of("response.value($L, row, $T.class)", i, boxed));
      }
    }
    return addRowsAndReturn(method, values, arguments, unchecked);
  }

  /** Ends the loop over rows: adds one {@code record} per row and returns the list. */
  private static MethodSpec addRowsAndReturn(MethodSpec.Builder method, ClassName record, List<CodeBlock> arguments, boolean unchecked) {
    method.addStatement("result.add(new $T(\n$>$L$<))", record, CodeBlock.join(arguments, ",\n"));
    method.endControlFlow();
    method.addStatement("return result");
    if (unchecked) {
      // A List feature's class literal cannot carry its element type; the transport contract does.
      method.addAnnotation(
          com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    return method.build();
  }

  /** The join key values of entity row {@code row}, as arguments of a record's constructor. */
  private static List<CodeBlock> keyArguments(List<Member> joinKeys, String keysParameter, boolean compositeKey) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (Member joinKey : joinKeys) {
      arguments.add(
          compositeKey
              ? CodeBlock.of("$L.get(row).$L()", keysParameter, Naming.camelCase(joinKey.name()))
              : CodeBlock.of("$L.get(row)", keysParameter));
    }
    return arguments;
  }

  /** Declares {@code entities}, the join key columns by name, from the keys parameter. */
  private static void putEntities(MethodSpec.Builder method, List<Member> joinKeys, String keysParameter, boolean compositeKey) {
    ParameterizedTypeName column =
        ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(Object.class));
    ParameterizedTypeName columns =
        ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), column);
    method.addStatement("$T entities = new $T<>()", columns, LinkedHashMap.class);
    if (compositeKey) {
      for (Member joinKey : joinKeys) {
        String local = Naming.camelCase(joinKey.name());
        method.addStatement(
            "$T<$T> $L = new $T<>($L.size())", List.class, joinKey.type().boxedType(), local, ArrayList.class, keysParameter);
      }
      method.beginControlFlow("for (Key key : $L)", keysParameter);
      for (Member joinKey : joinKeys) {
        String local = Naming.camelCase(joinKey.name());
        method.addStatement("$L.add(key.$L())", local, local);
      }
      method.endControlFlow();
      for (Member joinKey : joinKeys) {
        method.addStatement("entities.put($S, $L)", joinKey.name(), Naming.camelCase(joinKey.name()));
      }
    } else {
      method.addStatement("entities.put($S, $T.copyOf($L))", joinKeys.get(0).name(), List.class, keysParameter);
    }
  }

  private MethodSpec trainingRows(
      String description,
      ClassName trainingRow,
      ParameterizedTypeName keyList,
      String keysParameter,
      List<Member> joinKeys,
      List<SelectedFeature> features,
      boolean compositeKey) {
    ParameterizedTypeName rowList = ParameterizedTypeName.get(ClassName.get(List.class), trainingRow);
    ParameterizedTypeName times = ParameterizedTypeName.get(List.class, Instant.class);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("trainingRows")
            .addJavadoc(
                "Training data: for each entity row, the features of $L as of its event time, point-in-time\n"
                    + "correct (null where the entity had no value within the view's ttl), in the order given.\n",
                description)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(rowList)
            .addParameter(ClientTypes.TRAINING_DATA_SOURCE, "source")
            .addParameter(keyList, keysParameter)
            .addParameter(times, "eventTimestamps");
    method.beginControlFlow("if ($L.size() != eventTimestamps.size())", keysParameter);
    method.addStatement(
        "throw new $T($S + $L.size() + $S + eventTimestamps.size())",
        IllegalArgumentException.class,
        keysParameter + " has ",
        keysParameter,
        " rows but eventTimestamps has ");
    method.endControlFlow();
    putEntities(method, joinKeys, keysParameter, compositeKey);
    method.addStatement("entities.put($T.EVENT_TIMESTAMP, $T.copyOf(eventTimestamps))", ClientTypes.TRAINING_DATA_SOURCE, List.class);
    method.addStatement(
        "$T<$T<$T>> columns = source.read(FEATURE_SERVICE, FEATURES, entities)", List.class, List.class, Object.class);
    method.addStatement("$T result = new $T<>($L.size())", rowList, ArrayList.class, keysParameter);
    method.beginControlFlow("for (int row = 0; row < $L.size(); row++)", keysParameter);
    List<CodeBlock> arguments = keyArguments(joinKeys, keysParameter, compositeKey);
    arguments.add(CodeBlock.of("eventTimestamps.get(row)"));
    boolean unchecked = false;
    for (int i = 0; i < features.size(); i++) {
      TypeName boxed = features.get(i).member().type().boxedType();
      unchecked |= boxed instanceof ParameterizedTypeName;
      arguments.add(CodeBlock.of("($T) columns.get($L).get(row)", boxed, i));
    }
    return addRowsAndReturn(method, trainingRow, arguments, unchecked);
  }

  private void writeTrainingRow(
      TypeElement definition,
      String description,
      ClassName trainingRow,
      List<Member> joinKeys,
      List<SelectedFeature> features,
      List<String> accessors) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    int i = 0;
    for (Member joinKey : joinKeys) {
      constructor.addParameter(joinKey.type().javaType(), accessors.get(i++));
    }
    constructor.addParameter(Instant.class, "eventTimestamp");
    for (SelectedFeature feature : features) {
      constructor.addParameter(feature.member().type().boxedType(), accessors.get(i++));
    }
    TypeSpec record =
        TypeSpec.recordBuilder(trainingRow)
            .addOriginatingElement(definition)
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                "One training row of $L: an entity, the time it is labelled at, and each feature's value as of\n"
                    + "that time (null when there was none within the view's ttl).\n\n"
                    + "<p>Generated from {@link $T}.\n",
                description,
                ClassName.get(definition))
            .addModifiers(Modifier.PUBLIC)
            .recordConstructor(constructor.build())
            .build();
    GeneratedFiles.write(filer, trainingRow.packageName(), record);
  }

  private void writeValues(
      TypeElement definition,
      String description,
      ClassName values,
      List<Member> joinKeys,
      List<SelectedFeature> features,
      List<String> accessors) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    int i = 0;
    for (Member joinKey : joinKeys) {
      constructor.addParameter(joinKey.type().javaType(), accessors.get(i++));
    }
    for (SelectedFeature feature : features) {
      constructor.addParameter(
          ParameterizedTypeName.get(ClientTypes.FEATURE_VALUE, feature.member().type().boxedType()),
          accessors.get(i++));
    }
    TypeSpec record =
        TypeSpec.recordBuilder(values)
            .addOriginatingElement(definition)
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                "The features of $L for one entity, each with its status and event time.\n\n"
                    + "<p>Generated from {@link $T}.\n",
                description,
                ClassName.get(definition))
            .addModifiers(Modifier.PUBLIC)
            .recordConstructor(constructor.build())
            .build();
    GeneratedFiles.write(filer, values.packageName(), record);
  }

  /**
   * Join keys keep their names; a feature is named after itself, or after its view and itself
   * when another selected feature or a join key has the same name.
   */
  static List<String> accessorNames(List<Member> joinKeys, List<SelectedFeature> features) {
    Map<String, Integer> uses = new HashMap<>();
    joinKeys.forEach(k -> uses.merge(Naming.camelCase(k.name()), 1, Integer::sum));
    features.forEach(f -> uses.merge(Naming.camelCase(f.member().name()), 1, Integer::sum));
    List<String> names = new ArrayList<>();
    joinKeys.forEach(k -> names.add(Naming.camelCase(k.name())));
    for (SelectedFeature feature : features) {
      String plain = Naming.camelCase(feature.member().name());
      names.add(uses.get(plain) > 1 ? Naming.camelCase(feature.projection() + "_" + feature.member().name()) : plain);
    }
    return names;
  }

  private static CodeBlock featureRefs(List<SelectedFeature> features) {
    List<CodeBlock> refs = new ArrayList<>();
    for (SelectedFeature feature : features) {
      refs.add(
          CodeBlock.of(
              "new $T($S, $S, $T.$L)",
              ClientTypes.FEATURE_REF,
              feature.view(),
              feature.member().name(),
              ValueType.class,
              feature.member().type().valueType()));
    }
    return CodeBlock.join(refs, ",\n");
  }
}
