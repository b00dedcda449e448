package dev.freshet.processor.validation;

import dev.freshet.processor.base.AnnotationReader;
import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.data.SourceFiles;
import dev.freshet.processor.data.SourceSchema;
import dev.freshet.processor.model.EntityDef;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.FileSourceDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.Repository;
import dev.freshet.spec.ColumnTypes;
import dev.freshet.spec.Suggestions;
import dev.freshet.spec.ValueType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the definitions against their sources' Parquet files, where those can be read at compile
 * time: each column a definition reads is in the file, with a type the runtime can read as the
 * declared one ({@link ColumnTypes}). It runs on a repository that is otherwise valid, so that a
 * mistake already reported gives no second error here; a file that is not there says nothing.
 */
public final class DataValidator {
  private final Reporter reporter;
  private final SourceFiles files;

  /** Join key methods already reported for a file, so an entity of many views reports once. */
  private final Set<String> reportedKeys = new HashSet<>();

  public DataValidator(Reporter reporter, SourceFiles files) {
    this.reporter = reporter;
    this.files = files;
  }

  public void validate(Repository repository) {
    for (FileSourceDef source : repository.fileSources()) {
      files
          .schemaOf(source.path())
          .ifPresent(
              schema -> {
                checkTimestampColumn(source, "timestampField", source.timestampField(), schema);
                checkTimestampColumn(
                    source, "createdTimestampColumn", source.createdTimestampColumn(), schema);
              });
    }
    for (FeatureViewDef view : repository.featureViews()) {
      FileSourceDef source = repository.batchSourceOf(view);
      Optional<SourceSchema> schema =
          source == null ? Optional.empty() : files.schemaOf(source.path());
      if (schema.isPresent()) {
        for (var entity : view.entities()) {
          EntityDef def = repository.definitionOf(entity.type(), EntityDef.class);
          for (Member key : def == null ? List.<Member>of() : def.joinKeys()) {
            checkJoinKeyColumn(def, key, view, source, schema.get());
          }
        }
        for (Member feature : view.features()) {
          checkFeatureColumn(view, feature, source, schema.get());
        }
      }
    }
  }

  private void checkTimestampColumn(
      FileSourceDef source, String attribute, String column, SourceSchema schema) {
    if (column.isEmpty()) {
      return; // no created column
    }
    var written = AnnotationReader.writtenIn(source.mirror(), attribute);
    if (!schema.has(column)) {
      reporter.error(
          SourceMessages.timestampColumnMissing(
              source, attribute, column, schema, Suggestions.hint(column, schema.names())),
          source.element(),
          source.mirror(),
          written);
    } else if (known(schema, column)
        && !ColumnTypes.accepts(ValueType.UNIX_TIMESTAMP, schema.typeOf(column))) {
      reporter.error(
          SourceMessages.timestampColumnType(source, attribute, column, schema),
          source.element(),
          source.mirror(),
          written);
    }
  }

  private void checkJoinKeyColumn(
      EntityDef entity,
      Member key,
      FeatureViewDef view,
      FileSourceDef source,
      SourceSchema schema) {
    String column = source.columnFor(key.name());
    if (key.type() == null
        || !reportedKeys.add(entity.name() + "\u0000" + key.name() + "\u0000" + schema.file())) {
      return;
    }
    if (!schema.has(column)) {
      reporter.error(
          EntityMessages.joinKeyColumnMissing(
              entity, key.name(), column, schema, view, Suggestions.hint(column, schema.names())),
          key.method());
    } else if (known(schema, column)
        && !ColumnTypes.accepts(key.type().valueType(), schema.typeOf(column))) {
      reporter.error(
          EntityMessages.joinKeyColumnType(
              entity, key, column, schema, fix(schema.typeOf(column), key.javaName())),
          key.method());
    }
  }

  private void checkFeatureColumn(
      FeatureViewDef view, Member feature, FileSourceDef source, SourceSchema schema) {
    if (feature.type() == null) {
      return;
    }
    String column = source.columnFor(feature.name());
    if (!schema.has(column)) {
      reporter.error(
          FeatureViewMessages.featureColumnMissing(
              view, feature.name(), column, schema, Suggestions.hint(column, schema.names())),
          feature.method());
    } else if (known(schema, column)
        && !ColumnTypes.accepts(feature.type().valueType(), schema.typeOf(column))) {
      reporter.error(
          FeatureViewMessages.featureColumnType(
              view, feature, column, schema, fix(schema.typeOf(column), feature.javaName())),
          feature.method());
    }
  }

  /** Whether the column's type is known: a directory's partition columns have none. */
  private static boolean known(SourceSchema schema, String column) {
    return !schema.typeOf(column).isEmpty();
  }

  /** The fix for a member of the wrong type: the Java type that reads the column, if one does. */
  private static String fix(String columnType, String method) {
    return javaTypeFor(columnType)
        .map(type -> "declare it as `" + type + " " + method + "();`")
        .orElse("no declared type reads a " + columnType + " column: convert it in the file");
  }

  private static Optional<String> javaTypeFor(String columnType) {
    if (columnType.endsWith("[]")) {
      return javaTypeFor(columnType.substring(0, columnType.length() - 2))
          .map(DataValidator::boxed)
          .map(element -> "List<" + element + ">");
    }
    if (columnType.equalsIgnoreCase("FLOAT")) {
      return Optional.of("float");
    }
    List<ValueType> candidates =
        List.of(
            ValueType.INT32,
            ValueType.INT64,
            ValueType.DOUBLE,
            ValueType.BOOL,
            ValueType.STRING,
            ValueType.BYTES,
            ValueType.UNIX_TIMESTAMP);
    List<String> javaTypes =
        List.of("int", "long", "double", "boolean", "String", "byte[]", "Instant");
    for (int i = 0; i < candidates.size(); i++) {
      if (ColumnTypes.accepts(candidates.get(i), columnType)) {
        return Optional.of(javaTypes.get(i));
      }
    }
    return Optional.empty();
  }

  private static String boxed(String javaType) {
    return switch (javaType) {
      case "int" -> "Integer";
      case "long" -> "Long";
      case "float" -> "Float";
      case "double" -> "Double";
      case "boolean" -> "Boolean";
      default -> javaType;
    };
  }
}
