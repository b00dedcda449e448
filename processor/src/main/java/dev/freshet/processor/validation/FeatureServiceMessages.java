package dev.freshet.processor.validation;

import dev.freshet.processor.model.FeatureServiceDef;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.ServedView;

/** Messages about {@code @FeatureService} definitions. */
final class FeatureServiceMessages {
  private FeatureServiceMessages() {}

  static String noSelections(FeatureServiceDef service) {
    return String.format(
        "[FRESHET-FS-001] %s selects no features; add a selection, e.g. features ="
            + " @Select(view = DriverHourlyStats.class)",
        service.describe());
  }

  static String notAView(FeatureServiceDef service, String named, String hint) {
    return String.format(
        "[FRESHET-FS-002] %s selects from %s, but %s is not a @FeatureView nor an"
            + " @OnDemandFeatureView.%s",
        service.describe(), named, named, hint);
  }

  static String streamView(FeatureServiceDef service, String named, String target) {
    return String.format(
        "[FRESHET-FS-002] %s selects from %s, which is a @StreamFeatureView; select its features"
            + " from the view it writes to, %s",
        service.describe(), named, target);
  }

  static String unknownFeature(ServedView view, String feature, String hint) {
    return String.format(
        "[FRESHET-FS-003] %s has no feature '%s' (it has %s).%s",
        view.describe(), feature, view.featureNames(), hint);
  }

  static String featureTwice(FeatureServiceDef service, String feature) {
    return String.format(
        "[FRESHET-FS-004] %s selects '%s' twice from the same view; select it once",
        service.describe(), feature);
  }

  static String projectionTwice(FeatureServiceDef service, String projection) {
    return String.format(
        "[FRESHET-FS-005] %s selects from '%s' twice; merge the two @Select, or give one an alias",
        service.describe(), projection);
  }

  static String requestFieldClash(
      FeatureServiceDef service, String view, String field, String type, String other) {
    return String.format(
        "[FRESHET-FS-006] %s selects %s, which takes request field '%s' as %s, but its callers"
            + " send entities.%s as %s too; one column cannot carry both: rename the field",
        service.describe(), view, field, type, field, other);
  }

  static String offlineView(FeatureServiceDef service, FeatureViewDef view) {
    return String.format(
        "[FRESHET-FS-W01] %s selects from %s, which is offline (online = false); online reads of"
            + " %s will find none of its features",
        service.describe(), view.describe(), service.describe());
  }

  static String sameFeatureName(
      FeatureServiceDef service, String feature, String first, String second) {
    return String.format(
        "[FRESHET-FS-W02] %s selects a feature named '%s' from both '%s' and '%s'; online requests"
            + " for it need full_feature_names, and its typed client names them by view",
        service.describe(), feature, first, second);
  }
}
