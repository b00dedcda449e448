package dev.freshet.processor.validation;

import dev.freshet.processor.data.SourceSchema;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.Member;

/** Messages about {@code @FeatureView} definitions. */
final class FeatureViewMessages {
  private FeatureViewMessages() {}

  static String noEntities(FeatureViewDef view) {
    return String.format(
        "[FRESHET-FV-001] %s lists no entities; name the @Entity its rows describe, e.g. entities ="
            + " Driver.class",
        view.describe());
  }

  static String notAnEntity(FeatureViewDef view, String named, String hint) {
    return String.format(
        "[FRESHET-FV-002] %s lists %s in entities, but %s is not an @Entity.%s",
        view.describe(), named, named, hint);
  }

  static String noSource(FeatureViewDef view) {
    return String.format(
        "[FRESHET-FV-003] %s has no source; name the @FileSource or @PushSource its rows come from,"
            + " e.g. source = DriverStatsSource.class",
        view.describe());
  }

  static String notASource(FeatureViewDef view, String named, String hint) {
    return String.format(
        "[FRESHET-FV-004] %s names %s as source, but %s is not a @FileSource or @PushSource.%s",
        view.describe(), named, named, hint);
  }

  static String kafkaSource(FeatureViewDef view, String named) {
    return String.format(
        "[FRESHET-FV-004] %s names %s as source, but %s is a @KafkaSource; a feature view reads a"
            + " @FileSource or @PushSource, and a @StreamFeatureView(source = %s.class, target ="
            + " %s.class) keeps it fresh from Kafka",
        view.describe(), named, named, named, view.element().getSimpleName());
  }

  static String noFeatures(FeatureViewDef view) {
    return String.format(
        "[FRESHET-FV-005] %s declares no features; add one method per feature, e.g. `float"
            + " convRate();`",
        view.describe());
  }

  static String featureIsJoinKey(FeatureViewDef view, String feature) {
    return String.format(
        "[FRESHET-FV-006] feature '%s' of %s has the name of a join key of its entities; rename it"
            + " with @Name",
        feature, view.describe());
  }

  static String featureIsTimestamp(FeatureViewDef view, String feature, String source) {
    return String.format(
        "[FRESHET-FV-006] feature '%s' of %s has the name of a timestamp column of %s; rename it"
            + " with @Name, or map the column with @FieldMapping",
        feature, view.describe(), source);
  }

  static String badSchedule(FeatureViewDef view, String schedule) {
    return String.format(
        "[FRESHET-FV-008] schedule '%s' of %s is neither an interval (such as 15m or 1h) nor a cron expression with"
            + " seconds (such as \"0 0 * * * *\", every hour on the hour)",
        schedule, view.describe());
  }

  static String entityTwice(FeatureViewDef view, String named) {
    return String.format(
        "[FRESHET-FV-007] %s lists %s twice in entities; list each entity once",
        view.describe(), named);
  }

  static String featureColumnMissing(
      FeatureViewDef view, String feature, String column, SourceSchema schema, String hint) {
    return String.format(
        "[FRESHET-FV-009] feature '%s' of %s reads column '%s', but %s has no such column; its"
            + " columns are %s.%s Rename the feature with @Name, or map the column to it with"
            + " @FieldMapping on the source",
        feature, view.describe(), column, schema.file(), schema.names(), hint);
  }

  static String featureColumnType(
      FeatureViewDef view, Member feature, String column, SourceSchema schema, String fix) {
    return String.format(
        "[FRESHET-FV-010] feature '%s' of %s is declared %s (%s), but column '%s' of %s is %s,"
            + " which cannot be read as %s; %s",
        feature.name(),
        view.describe(),
        feature.method().getReturnType(),
        feature.type().valueType(),
        column,
        schema.file(),
        schema.typeOf(column),
        feature.type().valueType(),
        fix);
  }
}
