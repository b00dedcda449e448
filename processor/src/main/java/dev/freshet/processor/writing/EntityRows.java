package dev.freshet.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.freshet.processor.model.ClientDescriptor;
import dev.freshet.processor.model.ClientDescriptor.EntityColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both reads of a typed client, online {@code getAll} and offline {@code trainingRows}, do
 * around their transport: the keys parameter in as columns of join key values by name, and one
 * record per entity row out.
 */
final class EntityRows {
  private EntityRows() {}

  /**
   * The type of the keys parameter: the one join key's boxed type, or the {@code Key} or {@code
   * Row} record.
   */
  static ParameterizedTypeName keyList(ClientDescriptor client) {
    TypeName keyType =
        client
            .key()
            .<TypeName>map(k -> k)
            .orElseGet(() -> client.entityColumns().get(0).type().boxedType());
    return ParameterizedTypeName.get(ClassName.get(List.class), keyType);
  }

  /**
   * Declares {@code entities}, the columns of join keys and request fields by name, from the keys
   * parameter.
   */
  static void putEntities(MethodSpec.Builder method, ClientDescriptor client) {
    String keys = client.keysParameter();
    ParameterizedTypeName column =
        ParameterizedTypeName.get(
            ClassName.get(List.class), WildcardTypeName.subtypeOf(Object.class));
    ParameterizedTypeName columns =
        ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), column);
    method.addStatement("$T entities = new $T<>()", columns, LinkedHashMap.class);
    if (!client.compositeKey()) {
      method.addStatement(
          "entities.put($S, $T.copyOf($L))",
          client.entityColumns().get(0).name(),
          List.class,
          keys);
      return;
    }
    for (EntityColumn joinKey : client.entityColumns()) {
      method.addStatement(
          "$T<$T> $L = new $T<>($L.size())",
          List.class,
          joinKey.type().boxedType(),
          joinKey.accessor(),
          ArrayList.class,
          keys);
    }
    method.beginControlFlow("for ($T key : $L)", client.key().orElseThrow(), keys);
    for (EntityColumn joinKey : client.entityColumns()) {
      method.addStatement("$L.add(key.$L())", joinKey.accessor(), joinKey.accessor());
    }
    method.endControlFlow();
    for (EntityColumn joinKey : client.entityColumns()) {
      method.addStatement("entities.put($S, $L)", joinKey.name(), joinKey.accessor());
    }
  }

  /** The join key values of entity row {@code row}, as arguments of a record's constructor. */
  static List<CodeBlock> keyArguments(ClientDescriptor client) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (EntityColumn joinKey : client.joinKeys()) {
      arguments.add(
          client.compositeKey()
              ? CodeBlock.of("$L.get(row).$L()", client.keysParameter(), joinKey.accessor())
              : CodeBlock.of("$L.get(row)", client.keysParameter()));
    }
    return arguments;
  }

  /** Ends the loop over rows: adds one {@code record} per row and returns the list. */
  static MethodSpec addRowsAndReturn(
      MethodSpec.Builder method, ClassName record, List<CodeBlock> arguments, boolean unchecked) {
    // Inside a statement JavaPoet indents every line after the first by four spaces.
    method.addStatement("result.add(new $T(\n$L))", record, CodeBlock.join(arguments, ",\n"));
    method.endControlFlow();
    method.addStatement("return result");
    if (unchecked) {
      // A List feature's class literal cannot carry its element type; the transport contract does.
      method.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "unchecked")
              .build());
    }
    return method.build();
  }
}
