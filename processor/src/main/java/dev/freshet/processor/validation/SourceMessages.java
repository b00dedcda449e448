package dev.freshet.processor.validation;

import dev.freshet.processor.data.SourceSchema;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.FileSourceDef;
import dev.freshet.processor.model.KafkaSourceDef;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/** Messages about {@code @FileSource}, {@code @PushSource} and {@code @KafkaSource}. */
final class SourceMessages {
  private SourceMessages() {}

  static String emptyPath(FileSourceDef source) {
    return String.format(
        "[FRESHET-SRC-001] %s has an empty path; give its Parquet file or directory, relative to"
            + " the repository root, e.g. path = \"data/driver_stats.parquet\"",
        source.describe());
  }

  static String emptyTimestampField(Definition source) {
    return String.format(
        "[FRESHET-SRC-002] %s has an empty timestampField; name the field that holds each row's"
            + " event time, e.g. timestampField = \"event_timestamp\"",
        source.describe());
  }

  static String createdIsTimestamp(FileSourceDef source) {
    return String.format(
        "[FRESHET-SRC-003] %s uses column '%s' as both timestampField and createdTimestampColumn;"
            + " the created column says when a row was written, to order rows with equal event"
            + " times: name another column, or leave createdTimestampColumn out",
        source.describe(), source.timestampField());
  }

  static String columnMappedTwice(FileSourceDef source, String column) {
    return String.format(
        "[FRESHET-SRC-004] %s maps column '%s' twice in fieldMapping; keep one mapping per column",
        source.describe(), column);
  }

  static String featureMappedTwice(FileSourceDef source, String feature) {
    return String.format(
        "[FRESHET-SRC-004] %s maps two columns to '%s' in fieldMapping; a feature is read from one"
            + " column",
        source.describe(), feature);
  }

  static String noBatchSource(Definition source) {
    return String.format(
        "[FRESHET-SRC-005] %s has no batchSource; name the @FileSource that holds the same rows,"
            + " e.g. batchSource = DriverStatsSource.class",
        source.describe());
  }

  static String batchSourceNotFile(Definition source, String named, String hint) {
    return String.format(
        "[FRESHET-SRC-006] %s names %s as batchSource, but %s is not a @FileSource.%s",
        source.describe(), named, named, hint);
  }

  static String badTopic(KafkaSourceDef source) {
    return String.format(
        "[FRESHET-SRC-007] %s has the topic '%s'; a Kafka topic name is 1 to 249 letters, digits,"
            + " '.', '_' or '-'",
        source.describe(), source.topic());
  }

  static String avroWithoutSchema(KafkaSourceDef source) {
    return String.format(
        "[FRESHET-SRC-008] %s reads AVRO messages but gives no avroSchema; put the schema's JSON in"
            + " avroSchema, or read JSON messages with format = MessageFormat.JSON",
        source.describe());
  }

  static String noMessageFields(KafkaSourceDef source) {
    return String.format(
        "[FRESHET-SRC-009] %s declares no message fields; add one method per field its features"
            + " need, e.g. `float milesDriven();`",
        source.describe());
  }

  static String timestampFieldNotDeclared(KafkaSourceDef source, List<String> fields, String hint) {
    return String.format(
        "[FRESHET-SRC-010] timestampField '%s' of %s is not one of its message fields %s.%s Declare"
            + " it, e.g. `Instant eventTimestamp();`",
        source.timestampField(), source.describe(), fields, hint);
  }

  static String timestampFieldNotInstant(KafkaSourceDef source, TypeMirror type) {
    return String.format(
        "[FRESHET-SRC-011] timestamp field '%s' of %s is declared as %s; declare it as Instant"
            + " (timestampFormat says how the messages write it)",
        source.timestampField(), source.describe(), type);
  }

  static String absolutePath(FileSourceDef source) {
    return String.format(
        "[FRESHET-SRC-W01] %s has the absolute path '%s'; a relative path resolves against"
            + " freshet.repo-path and moves with the repository",
        source.describe(), source.path());
  }

  static String schemaIgnored(KafkaSourceDef source) {
    return String.format(
        "[FRESHET-SRC-W02] %s gives an avroSchema but reads JSON messages, so the schema is"
            + " ignored; set format = MessageFormat.AVRO or remove avroSchema",
        source.describe());
  }

  static String timestampColumnMissing(
      FileSourceDef source, String attribute, String column, SourceSchema schema, String hint) {
    return String.format(
        "[FRESHET-SRC-012] %s '%s' of %s is not a column of %s; its columns are %s.%s Name the"
            + " column that holds it",
        attribute, column, source.describe(), schema.file(), schema.names(), hint);
  }

  static String timestampColumnType(
      FileSourceDef source, String attribute, String column, SourceSchema schema) {
    return String.format(
        "[FRESHET-SRC-013] %s '%s' of %s is column '%s' of %s, which is %s; it must be a timestamp"
            + " or a date: name such a column, or write this one as a timestamp",
        attribute, column, source.describe(), column, schema.file(), schema.typeOf(column));
  }
}
