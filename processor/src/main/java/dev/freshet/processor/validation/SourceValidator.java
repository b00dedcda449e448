package dev.freshet.processor.validation;

import dev.freshet.annotations.MessageFormat;
import dev.freshet.processor.base.AnnotationReader;
import dev.freshet.processor.base.AnnotationReader.ClassRef;
import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.FileSourceDef;
import dev.freshet.processor.model.KafkaSourceDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.PushSourceDef;
import dev.freshet.processor.model.Repository;
import dev.freshet.spec.Suggestions;
import dev.freshet.spec.ValueType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks {@code @FileSource}, {@code @PushSource} and {@code @KafkaSource} definitions. */
public final class SourceValidator {
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  private final Reporter reporter;
  private final DefinitionValidator definitions;

  public SourceValidator(Reporter reporter, DefinitionValidator definitions) {
    this.reporter = reporter;
    this.definitions = definitions;
  }

  public void validate(Repository repository) {
    for (FileSourceDef source : repository.fileSources()) {
      checkPath(source);
      checkTimestampField(source, source.timestampField());
      checkCreatedColumn(source);
      checkFieldMapping(source);
    }
    for (PushSourceDef source : repository.pushSources()) {
      checkBatchSource(repository, source, source.batchSource());
    }
    for (KafkaSourceDef source : repository.kafkaSources()) {
      definitions.checkMembers(source, source.fields(), "message field", true);
      checkTopic(source);
      checkSchema(source);
      checkHasFields(source);
      if (checkTimestampField(source, source.timestampField()) && !source.fields().isEmpty()) {
        checkTimestampFieldDeclared(source);
      }
      DurationCheck.parse(
          reporter,
          source,
          source.element(),
          source.mirror(),
          "watermarkDelay",
          source.watermarkDelay(),
          true);
      checkBatchSource(repository, source, source.batchSource());
    }
  }

  private void checkPath(FileSourceDef source) {
    if (source.path().isBlank()) {
      reporter.error(
          SourceMessages.emptyPath(source),
          source.element(),
          source.mirror(),
          written(source, "path"));
    } else if (source.path().startsWith("/")) {
      reporter.warning(
          SourceMessages.absolutePath(source),
          source.element(),
          source.mirror(),
          written(source, "path"));
    }
  }

  private boolean checkTimestampField(Definition source, String field) {
    if (field.isBlank()) {
      reporter.error(
          SourceMessages.emptyTimestampField(source),
          source.element(),
          source.mirror(),
          written(source, "timestampField"));
      return false;
    }
    return true;
  }

  private void checkCreatedColumn(FileSourceDef source) {
    if (source.createdTimestampColumn().equals(source.timestampField())) {
      reporter.error(
          SourceMessages.createdIsTimestamp(source),
          source.element(),
          source.mirror(),
          written(source, "createdTimestampColumn"));
    }
  }

  private void checkFieldMapping(FileSourceDef source) {
    Set<String> columns = new HashSet<>();
    Set<String> features = new HashSet<>();
    for (FileSourceDef.Mapping mapping : source.fieldMapping()) {
      if (!columns.add(mapping.column())) {
        reporter.error(
            SourceMessages.columnMappedTwice(source, mapping.column()),
            source.element(),
            source.mirror(),
            mapping.written());
      } else if (!features.add(mapping.feature())) {
        reporter.error(
            SourceMessages.featureMappedTwice(source, mapping.feature()),
            source.element(),
            source.mirror(),
            mapping.written());
      }
    }
  }

  private void checkBatchSource(Repository repository, Definition source, ClassRef batchSource) {
    if (!batchSource.given()) {
      reporter.error(SourceMessages.noBatchSource(source), source.element(), source.mirror());
      return;
    }
    if (batchSource.unresolved()) {
      return;
    }
    if (repository.definitionOf(batchSource.type(), FileSourceDef.class) == null) {
      String hint =
          Suggestions.hint(batchSource.simpleName(), repository.simpleNamesOf(FileSourceDef.class));
      reporter.error(
          SourceMessages.batchSourceNotFile(source, batchSource.simpleName(), hint),
          source.element(),
          source.mirror(),
          batchSource.written());
    }
  }

  private void checkTopic(KafkaSourceDef source) {
    if (!TOPIC.matcher(source.topic()).matches()
        || source.topic().equals(".")
        || source.topic().equals("..")) {
      reporter.error(
          SourceMessages.badTopic(source),
          source.element(),
          source.mirror(),
          written(source, "topic"));
    }
  }

  private void checkSchema(KafkaSourceDef source) {
    if (source.format() == MessageFormat.AVRO && source.avroSchema().isBlank()) {
      reporter.error(
          SourceMessages.avroWithoutSchema(source),
          source.element(),
          source.mirror(),
          written(source, "format"));
    } else if (source.format() == MessageFormat.JSON && !source.avroSchema().isBlank()) {
      reporter.warning(
          SourceMessages.schemaIgnored(source),
          source.element(),
          source.mirror(),
          written(source, "avroSchema"));
    }
  }

  private void checkHasFields(KafkaSourceDef source) {
    if (source.fields().isEmpty()) {
      reporter.error(SourceMessages.noMessageFields(source), source.element(), source.mirror());
    }
  }

  private void checkTimestampFieldDeclared(KafkaSourceDef source) {
    Member field = source.field(source.timestampField());
    if (field == null) {
      List<String> names = source.fields().stream().map(Member::name).toList();
      reporter.error(
          SourceMessages.timestampFieldNotDeclared(
              source, names, Suggestions.hint(source.timestampField(), names)),
          source.element(),
          source.mirror(),
          written(source, "timestampField"));
    } else if (field.type() != null && field.type().valueType() != ValueType.UNIX_TIMESTAMP) {
      reporter.error(
          SourceMessages.timestampFieldNotInstant(source, field.method().getReturnType()),
          field.method());
    }
  }

  private static javax.lang.model.element.AnnotationValue written(
      Definition definition, String attribute) {
    return AnnotationReader.writtenIn(definition.mirror(), attribute);
  }
}
