package dev.freshet.processor.validation;

import dev.freshet.annotations.AggregationFunction;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.KafkaSourceDef;
import dev.freshet.processor.model.StreamViewDef;
import dev.freshet.spec.ValueType;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/** Messages about {@code @StreamFeatureView} definitions and their aggregations. */
final class StreamViewMessages {
  private StreamViewMessages() {}

  static String noSource(StreamViewDef view) {
    return String.format(
        "[FRESHET-SFV-001] %s has no source; name the @KafkaSource it reads, e.g. source ="
            + " DriverEvents.class",
        view.describe());
  }

  static String notKafka(StreamViewDef view, String named, Definition actual, String hint) {
    String what =
        actual == null ? "not a @KafkaSource" : "a " + actual.kind().annotationSimpleName();
    return String.format(
        "[FRESHET-SFV-002] %s reads %s, but %s is %s; a stream feature view reads a @KafkaSource.%s",
        view.describe(), named, named, what, hint);
  }

  static String noTarget(StreamViewDef view) {
    return String.format(
        "[FRESHET-SFV-003] %s has no target; name the @FeatureView whose features it keeps fresh,"
            + " e.g. target = DriverDailyFeatures.class",
        view.describe());
  }

  static String targetNotView(StreamViewDef view, String named, String hint) {
    return String.format(
        "[FRESHET-SFV-004] %s targets %s, but %s is not a @FeatureView.%s",
        view.describe(), named, named, hint);
  }

  static String notInTarget(
      StreamViewDef view, String feature, FeatureViewDef target, String hint) {
    return String.format(
        "[FRESHET-SFV-005] %s computes '%s', but %s has no such feature (it has %s).%s",
        view.describe(), feature, target.describe(), target.featureNames(), hint);
  }

  static String typeDiffers(
      String feature, TypeMirror here, FeatureViewDef target, TypeMirror there) {
    return String.format(
        "[FRESHET-SFV-006] '%s' is %s here but %s in %s; declare it as %s",
        feature, here, there, target.describe(), there);
  }

  static String columnNotInMessage(
      String column, KafkaSourceDef source, List<String> fields, String hint) {
    return String.format(
        "[FRESHET-SFV-007] aggregation column '%s' is not a message field of %s (it has %s).%s",
        column, source.describe(), fields, hint);
  }

  static String windowNotMultipleOfSlide(String window, String slide) {
    return String.format(
        "[FRESHET-SFV-008] window '%s' is not a whole multiple of slide '%s'; a window starts every"
            + " slide and covers whole slides: change the window or the slide",
        window, slide);
  }

  static String functionNeedsNumber(AggregationFunction function, String column, ValueType type) {
    return String.format(
        "[FRESHET-SFV-009] %s needs a numeric column, but '%s' is %s; aggregate a number, or use"
            + " COUNT or LAST",
        function, column, type);
  }

  static String resultType(
      AggregationFunction function, String feature, TypeMirror declared, String fits) {
    return String.format(
        "[FRESHET-SFV-009] %s gives %s, but '%s' is declared as %s",
        function, fits, feature, declared);
  }

  static String mixed(StreamViewDef view) {
    return String.format(
        "[FRESHET-SFV-010] %s mixes aggregated and plain features; aggregate every feature, or none"
            + " (then each message is one row and each feature is copied from its field)",
        view.describe());
  }

  static String joinKeyNotInMessage(String key, FeatureViewDef target, KafkaSourceDef source) {
    return String.format(
        "[FRESHET-SFV-011] join key '%s' of %s is not a message field of %s; each message must say"
            + " which entity it is about: declare the field in %s",
        key, target.describe(), source.describe(), source.element().getSimpleName());
  }

  static String plainFieldMissing(String feature, KafkaSourceDef source) {
    return String.format(
        "[FRESHET-SFV-012] feature '%s' is copied from the message field of the same name, but %s"
            + " has no such field; declare it there, or aggregate with @Aggregation",
        feature, source.describe());
  }

  static String targetNotPushed(StreamViewDef view, FeatureViewDef target) {
    return String.format(
        "[FRESHET-SFV-W01] %s targets %s, which does not read a @PushSource; what the stream"
            + " computes then reaches the online store only, never the offline store that training"
            + " reads: give %s a @PushSource over its file source",
        view.describe(), target.describe(), target.element().getSimpleName());
  }
}
