package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.freshet.processor.base.Naming;
import dev.freshet.processor.model.FeatureType;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.FileSourceDef;
import dev.freshet.processor.model.Member;
import dev.freshet.spec.Materializer;
import dev.freshet.spec.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes a feature view's materializer, e.g. {@code DriverHourlyStatsMaterializer}: source record
 * to row record, each column read by position with the getter of its declared type.
 */
public final class MaterializerWriter {
  private static final ParameterizedTypeName STRING_LIST =
      ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));

  private final Filer filer;

  public MaterializerWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(FeatureViewDef view, List<Member> joinKeys, FileSourceDef batchSource) {
    ClassName name = Naming.materializer(view.element());
    ClassName row = Naming.rowRecord(view.element());

    List<String> columns = new ArrayList<>();
    List<CodeBlock> arguments = new ArrayList<>();
    for (Member key : joinKeys) {
      arguments.add(read(key.type(), columns.size()));
      columns.add(batchSource.columnFor(key.name()));
    }
    arguments.add(CodeBlock.of("record.getInstant($L)", columns.size()));
    columns.add(batchSource.timestampField());
    if (batchSource.createdTimestampColumn().isEmpty()) {
      arguments.add(CodeBlock.of("null"));
    } else {
      arguments.add(
          CodeBlock.of(
              "record.isNull($L) ? null : record.getInstant($L)", columns.size(), columns.size()));
      columns.add(batchSource.createdTimestampColumn());
    }
    for (Member feature : view.features()) {
      arguments.add(read(feature.type(), columns.size()));
      columns.add(batchSource.columnFor(feature.name()));
    }

    TypeSpec materializer =
        TypeSpec.classBuilder(name)
            .addOriginatingElement(view.element())
            .addAnnotation(GeneratedFiles.generatedAnnotation())
            .addJavadoc(
                Lines.typeDoc(
                    "Reads rows of feature view {@code "
                        + view.name()
                        + "} from records of file source"
                        + " {@code "
                        + batchSource.name()
                        + "}.",
                    ClassName.get(view.element())))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Materializer.class), row))
            .addField(
                FieldSpec.builder(
                        String.class,
                        "FEATURE_VIEW",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$S", view.name())
                    .build())
            .addField(
                FieldSpec.builder(
                        STRING_LIST, "COLUMNS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(
                        "The source columns read, in the order of {@link SourceRecord} positions.\n")
                    .initializer(
                        Lines.listInitializer(
                            "  public static final List<String> COLUMNS = ", strings(columns)))
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("featureView")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return FEATURE_VIEW")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("columns")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(STRING_LIST)
                    .addStatement("return COLUMNS")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("toRow")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(row)
                    .addParameter(SourceRecord.class, "record")
                    .addStatement("return new $T(\n$L)", row, CodeBlock.join(arguments, ",\n"))
                    .build())
            .build();
    GeneratedFiles.write(filer, name.packageName(), materializer);
  }

  /** The expression reading a value of {@code type} at {@code position}. */
  private static CodeBlock read(FeatureType type, int position) {
    CodeBlock getter = getter(type, position);
    return type.nullable()
        ? CodeBlock.of("record.isNull($L) ? null : $L", position, getter)
        : getter;
  }

  private static CodeBlock getter(FeatureType type, int position) {
    return switch (type.valueType()) {
      case INT32 -> CodeBlock.of("record.getInt($L)", position);
      case INT64 -> CodeBlock.of("record.getLong($L)", position);
      case FLOAT -> CodeBlock.of("record.getFloat($L)", position);
      case DOUBLE -> CodeBlock.of("record.getDouble($L)", position);
      case BOOL -> CodeBlock.of("record.getBoolean($L)", position);
      case STRING -> CodeBlock.of("record.getString($L)", position);
      case BYTES -> CodeBlock.of("record.getBytes($L)", position);
      case UNIX_TIMESTAMP -> CodeBlock.of("record.getInstant($L)", position);
      default -> CodeBlock.of("record.getList($L, $T.class)", position, listElement(type));
    };
  }

  private static TypeName listElement(FeatureType type) {
    TypeName element = ((ParameterizedTypeName) type.javaType()).typeArguments().get(0);
    return element;
  }

  private static List<CodeBlock> strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).toList();
  }
}
