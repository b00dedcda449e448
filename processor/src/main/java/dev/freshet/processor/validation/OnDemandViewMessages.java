package dev.freshet.processor.validation;

import dev.freshet.processor.model.OnDemandViewDef;
import dev.freshet.processor.model.RequestSourceDef;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** Messages about {@code @OnDemandFeatureView} and {@code @RequestSource} definitions. */
final class OnDemandViewMessages {
  private OnDemandViewMessages() {}

  static String notARecord(TypeElement element) {
    return String.format(
        "[FRESHET-ODV-001] @OnDemandFeatureView goes on a record whose components are its features,"
            + " but %s is a %s; declare it as `record %s(double convRatePlusVal1) { static %s"
            + " transform(...) {...} }`",
        element.getSimpleName(),
        element.getKind().toString().toLowerCase(java.util.Locale.ROOT),
        element.getSimpleName(),
        element.getSimpleName());
  }

  static String noTransform(OnDemandViewDef view) {
    String record = view.element().getSimpleName().toString();
    return String.format(
        "[FRESHET-ODV-002] %s has no transform: declare one static method that returns %s, its"
            + " parameters the views and request sources it reads, e.g. `static %s"
            + " transform(DriverHourlyStats stats, ValsToAdd request)`",
        view.describe(), record, record);
  }

  static String severalTransforms(OnDemandViewDef view) {
    return String.format(
        "[FRESHET-ODV-003] %s has %d static methods that return %s (%s); its transform is the one"
            + " such method: keep one, or make the others return something else",
        view.describe(),
        view.transforms().size(),
        view.element().getSimpleName(),
        view.transforms().stream()
            .map(m -> m.getSimpleName() + "()")
            .collect(Collectors.joining(", ")));
  }

  static String notAnInput(
      OnDemandViewDef view, VariableElement parameter, TypeMirror type, String why) {
    return String.format(
        "[FRESHET-ODV-004] parameter '%s' of %s's transform has type %s, %s; an on-demand view's"
            + " inputs are @FeatureView and @RequestSource interfaces",
        parameter.getSimpleName(), view.describe(), type, why);
  }

  static String inputTwice(OnDemandViewDef view, VariableElement parameter, String input) {
    return String.format(
        "[FRESHET-ODV-005] %s's transform reads %s twice (parameter '%s'); take each input once",
        view.describe(), input, parameter.getSimpleName());
  }

  static String noViewInput(OnDemandViewDef view) {
    return String.format(
        "[FRESHET-ODV-006] %s's transform reads no @FeatureView; an on-demand view's entities are"
            + " those of the views it reads, so it needs at least one",
        view.describe());
  }

  static String nameOfAnInput(OnDemandViewDef view, String feature, String input) {
    return String.format(
        "[FRESHET-ODV-007] feature '%s' of %s has the name of a feature or field of its input %s;"
            + " rename the component, or name it with @Name",
        feature, view.describe(), input);
  }

  static String transformNotCallable(
      OnDemandViewDef view, ExecutableElement transform, String why) {
    return String.format(
        "[FRESHET-ODV-008] transform %s() of %s %s; the generated code calls it directly: declare"
            + " it `static %s %s(...)`, not private, without type parameters",
        transform.getSimpleName(),
        view.describe(),
        why,
        view.element().getSimpleName(),
        transform.getSimpleName());
  }

  static String nullablePrimitiveInput(
      OnDemandViewDef view, String input, ExecutableElement member) {
    return String.format(
        "[FRESHET-ODV-009] %s reads %s, whose %s() is a @Nullable %s: a transform could not be"
            + " given its null; declare it as the boxed type",
        view.describe(), input, member.getSimpleName(), member.getReturnType());
  }

  static String nullablePrimitiveField(RequestSourceDef source, ExecutableElement field) {
    return String.format(
        "[FRESHET-ODV-013] %s declares %s() a @Nullable %s: a request that leaves it out could not be"
            + " given to a transform; declare it as the boxed type",
        source.describe(), field.getSimpleName(), field.getReturnType());
  }

  static String noFields(RequestSourceDef source) {
    return String.format(
        "[FRESHET-ODV-010] %s declares no fields; declare each value a request carries as a"
            + " method, e.g. `double valToAdd();`",
        source.describe());
  }

  static String noFeatures(OnDemandViewDef view) {
    return String.format(
        "[FRESHET-ODV-011] %s has no components; each component is a feature it computes",
        view.describe());
  }

  static String notWritable(OnDemandViewDef view, String input, String why) {
    return String.format(
        "[FRESHET-ODV-012] %s has writeToOnlineStore = true but also reads %s: %s; a view computed"
            + " at write time reads one @FeatureView and nothing else, or drop writeToOnlineStore",
        view.describe(), input, why);
  }
}
