package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.freshet.processor.model.ClientDescriptor;
import dev.freshet.processor.model.ClientDescriptor.EntityColumn;
import dev.freshet.processor.model.ClientDescriptor.SelectedFeature;
import dev.freshet.spec.ValueType;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes the typed client of a feature service or feature view, e.g. {@code ModelV1Client}: its
 * factories over a transport, {@code get} and {@code getAll} online, and the static {@code
 * trainingRows}. The records it returns have their own writers; what both reads do with the keys
 * they are given and the rows they get back is {@link EntityRows}.
 */
public final class ClientWriter {
  private final Filer filer;

  public ClientWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(ClientDescriptor client) {
    ClassName name = client.client();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addOriginatingElement(client.definition())
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                Lines.typeDoc(
                    "Reads the features of "
                        + client.description()
                        + " online, typed. Each call is"
                        + " one round trip through its {@link FeatureTransport}.",
                    ClassName.get(client.definition())))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(
                FieldSpec.builder(
                        String.class,
                        "FEATURE_SERVICE",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .addJavadoc(
                        "The feature service requested, or empty when the features are listed.\n")
                    .initializer("$S", client.featureService())
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(
                            ClassName.get(List.class), ClientTypes.FEATURE_REF),
                        "FEATURES",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$T.of(\n$>$>$L$<$<)", List.class, featureRefs(client.features()))
                    .build())
            .addField(ClientTypes.FEATURE_TRANSPORT, "transport", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(ClientTypes.FEATURE_TRANSPORT, "transport")
                    .addStatement(
                        "this.transport = $T.requireNonNull(transport, $S)",
                        Objects.class,
                        "transport")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("over")
                    .addJavadoc("A client reading through {@code transport}.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(name)
                    .addParameter(ClientTypes.FEATURE_TRANSPORT, "transport")
                    .addStatement("return new $T(transport)", name)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("remote")
                    .addJavadoc(
                        "A client of the feature server at {@code server}: {@code http://features:6566}, or\n"
                            + "{@code grpc://features:6570} (Feast's gRPC API) with freshet-runtime on the class\n"
                            + "path.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(name)
                    .addParameter(URI.class, "server")
                    .addStatement(
                        "return new $T($T.of(server))", name, ClientTypes.REMOTE_TRANSPORTS)
                    .build())
            .addMethod(getOne(client))
            .addMethod(getAll(client))
            .addMethod(trainingRows(client));
    client.key().ifPresent(key -> type.addType(keyRecord(client, key)));
    GeneratedFiles.write(filer, name.packageName(), type.build());
  }

  private static MethodSpec getOne(ClientDescriptor client) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("get")
            .addJavadoc(
                client.requestFields().isEmpty()
                    ? "The features of one entity.\n"
                    : "The features of one entity, computed with the request's values.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(client.values());
    for (EntityColumn column : client.entityColumns()) {
      method.addParameter(column.type().javaType(), column.accessor());
    }
    String arguments =
        String.join(", ", client.entityColumns().stream().map(EntityColumn::accessor).toList());
    return client.key().isPresent()
        ? method
            .addStatement(
                "return getAll($T.of(new $T($L))).get(0)",
                List.class,
                client.key().get(),
                arguments)
            .build()
        : method.addStatement("return getAll($T.of($L)).get(0)", List.class, arguments).build();
  }

  private static MethodSpec getAll(ClientDescriptor client) {
    ParameterizedTypeName valuesList =
        ParameterizedTypeName.get(ClassName.get(List.class), client.values());
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("getAll")
            .addJavadoc("The features of each entity, in the order given, in one round trip.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(valuesList)
            .addParameter(
                ParameterSpec.builder(EntityRows.keyList(client), client.keysParameter()).build());
    EntityRows.putEntities(method, client);
    method.addStatement(
        "$T response =$Wtransport.read(new $T(FEATURE_SERVICE, FEATURES, entities))",
        ClientTypes.ONLINE_RESPONSE,
        ClientTypes.ONLINE_REQUEST);
    method.addStatement(
        "$T result = new $T<>($L.size())", valuesList, ArrayList.class, client.keysParameter());
    method.beginControlFlow("for (int row = 0; row < $L.size(); row++)", client.keysParameter());
    List<CodeBlock> arguments = EntityRows.keyArguments(client);
    boolean unchecked = false;
    for (int i = 0; i < client.features().size(); i++) {
      TypeName boxed = client.features().get(i).type().boxedType();
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
    return EntityRows.addRowsAndReturn(method, client.values(), arguments, unchecked);
  }

  private static MethodSpec trainingRows(ClientDescriptor client) {
    String keys = client.keysParameter();
    ParameterizedTypeName rowList =
        ParameterizedTypeName.get(ClassName.get(List.class), client.trainingRow());
    ParameterizedTypeName times = ParameterizedTypeName.get(List.class, Instant.class);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("trainingRows")
            .addJavadoc(
                Lines.memberDoc(
                    "Training data: for each entity row, the features of "
                        + client.description()
                        + " as of its event time, point-in-time correct (null where the entity had no"
                        + " value within the view's ttl), in the order given."))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(rowList)
            .addParameter(ClientTypes.TRAINING_DATA_SOURCE, "source")
            .addParameter(EntityRows.keyList(client), keys)
            .addParameter(times, "eventTimestamps");
    method.beginControlFlow("if ($L.size() != eventTimestamps.size())", keys);
    method.addStatement(
        "throw new $T($S + $L.size()$W+ $S + eventTimestamps.size())",
        IllegalArgumentException.class,
        keys + " has ",
        keys,
        " rows but eventTimestamps has ");
    method.endControlFlow();
    EntityRows.putEntities(method, client);
    method.addStatement(
        "entities.put($T.EVENT_TIMESTAMP, $T.copyOf(eventTimestamps))",
        ClientTypes.TRAINING_DATA_SOURCE,
        List.class);
    method.addStatement(
        "$T<$T<$T>> columns = source.read(FEATURE_SERVICE, FEATURES, entities)",
        List.class,
        List.class,
        Object.class);
    method.addStatement("$T result = new $T<>($L.size())", rowList, ArrayList.class, keys);
    method.beginControlFlow("for (int row = 0; row < $L.size(); row++)", keys);
    List<CodeBlock> arguments = EntityRows.keyArguments(client);
    arguments.add(CodeBlock.of("eventTimestamps.get(row)"));
    boolean unchecked = false;
    for (int i = 0; i < client.features().size(); i++) {
      TypeName boxed = client.features().get(i).type().boxedType();
      unchecked |= boxed instanceof ParameterizedTypeName;
      arguments.add(CodeBlock.of("($T) columns.get($L).get(row)", boxed, i));
    }
    return EntityRows.addRowsAndReturn(method, client.trainingRow(), arguments, unchecked);
  }

  private static TypeSpec keyRecord(ClientDescriptor client, ClassName key) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    client
        .entityColumns()
        .forEach(k -> constructor.addParameter(k.type().javaType(), k.accessor()));
    return TypeSpec.recordBuilder(key)
        .addJavadoc(
            client.requestFields().isEmpty()
                ? "The join key values of one entity row.\n"
                : "The join key values of one entity row, and the request's values for it.\n")
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(constructor.build())
        .build();
  }

  private static CodeBlock featureRefs(List<SelectedFeature> features) {
    List<CodeBlock> refs = new ArrayList<>();
    for (SelectedFeature feature : features) {
      refs.add(
          CodeBlock.of(
              "new $T($S,$W$S,$W$T.$L)",
              ClientTypes.FEATURE_REF,
              feature.view(),
              feature.name(),
              ValueType.class,
              feature.type().valueType()));
    }
    return CodeBlock.join(refs, ",\n");
  }
}
