package dev.freshet.processor.validation;

import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.OnDemandViewDef;
import dev.freshet.processor.model.Repository;
import dev.freshet.processor.model.RequestSourceDef;
import dev.freshet.processor.model.StreamViewDef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * Checks {@code @RequestSource} and {@code @OnDemandFeatureView} definitions: fields and features
 * as other members are; one callable transform whose parameters are each a feature view or a
 * request source, once, at least one of them a view; outputs named apart from their inputs. An
 * on-demand view cannot read another, so there is no cycle to find.
 */
public final class OnDemandViewValidator {
  private final Reporter reporter;
  private final DefinitionValidator definitions;

  public OnDemandViewValidator(Reporter reporter, DefinitionValidator definitions) {
    this.reporter = reporter;
    this.definitions = definitions;
  }

  public void validate(Repository repository) {
    for (RequestSourceDef source : repository.requestSources()) {
      if (source.fields().isEmpty()) {
        reporter.error(OnDemandViewMessages.noFields(source), source.element(), source.mirror());
      }
      definitions.checkMembers(source, source.fields(), "field", true);
      for (Member field : source.fields()) {
        if (field.type() != null
            && field.type().nullable()
            && field.method().getReturnType().getKind().isPrimitive()) {
          reporter.error(
              OnDemandViewMessages.nullablePrimitiveField(source, field.method()), field.method());
        }
      }
    }
    for (OnDemandViewDef view : repository.onDemandViews()) {
      if (view.element().getKind() != ElementKind.RECORD) {
        continue; // reported with its shape
      }
      if (view.features().isEmpty()) {
        reporter.error(OnDemandViewMessages.noFeatures(view), view.element(), view.mirror());
      }
      definitions.checkMembers(view, view.features(), "feature", true);
      ExecutableElement transform = checkOneTransform(view);
      if (transform != null && checkCallable(view, transform)) {
        checkInputs(repository, view, transform);
      }
    }
  }

  private ExecutableElement checkOneTransform(OnDemandViewDef view) {
    if (view.transforms().isEmpty()) {
      reporter.error(OnDemandViewMessages.noTransform(view), view.element(), view.mirror());
      return null;
    }
    if (view.transforms().size() > 1) {
      reporter.error(OnDemandViewMessages.severalTransforms(view), view.transforms().get(1));
      return null;
    }
    return view.transform();
  }

  private boolean checkCallable(OnDemandViewDef view, ExecutableElement transform) {
    String why =
        transform.getModifiers().contains(Modifier.PRIVATE)
            ? "is private"
            : !transform.getTypeParameters().isEmpty() ? "has type parameters" : null;
    if (why != null) {
      reporter.error(OnDemandViewMessages.transformNotCallable(view, transform, why), transform);
      return false;
    }
    return true;
  }

  private void checkInputs(
      Repository repository, OnDemandViewDef view, ExecutableElement transform) {
    Set<String> seen = new HashSet<>();
    Map<String, String> inputNames = new HashMap<>();
    boolean readsAView = false;
    int views = 0;
    for (VariableElement parameter : transform.getParameters()) {
      Definition input = input(repository, view, parameter);
      if (input == null) {
        continue;
      }
      if (view.writeToOnlineStore()
          && (input instanceof RequestSourceDef
              || (input instanceof FeatureViewDef && views++ > 0))) {
        reporter.error(
            OnDemandViewMessages.notWritable(
                view,
                input.describe(),
                input instanceof RequestSourceDef
                    ? "no request is at hand when rows are written"
                    : "a write carries the rows of one view only"),
            parameter);
      }
      if (!seen.add(input.describe())) {
        reporter.error(
            OnDemandViewMessages.inputTwice(view, parameter, input.describe()), parameter);
        continue;
      }
      List<Member> members;
      if (input instanceof FeatureViewDef featureView) {
        readsAView = true;
        members = featureView.features();
        checkNoNullablePrimitive(view, featureView, parameter);
      } else {
        members = ((RequestSourceDef) input).fields();
      }
      for (Member member : members) {
        inputNames.putIfAbsent(member.name(), input.describe());
      }
    }
    if (!readsAView && seen.size() == transform.getParameters().size()) {
      reporter.error(OnDemandViewMessages.noViewInput(view), transform);
    }
    for (Member feature : view.features()) {
      String input = inputNames.get(feature.name());
      if (input != null) {
        reporter.error(
            OnDemandViewMessages.nameOfAnInput(view, feature.name(), input), feature.method());
      }
    }
  }

  /** The feature view or request source {@code parameter} reads, or null (reported). */
  private Definition input(Repository repository, OnDemandViewDef view, VariableElement parameter) {
    if (parameter.asType().getKind() == TypeKind.ERROR) {
      return null; // javac reports the type it cannot find
    }
    TypeElement type =
        parameter.asType() instanceof DeclaredType declared
            ? (TypeElement) declared.asElement()
            : null;
    Definition definition = repository.definitionOf(type);
    if (definition instanceof FeatureViewDef || definition instanceof RequestSourceDef) {
      return definition;
    }
    String why;
    if (definition instanceof OnDemandViewDef) {
      why = "another on-demand view: compute both in one transform";
    } else if (definition instanceof StreamViewDef stream) {
      why = "a @StreamFeatureView: read the view it writes to, " + stream.target().simpleName();
    } else {
      why = "which is neither";
    }
    reporter.error(
        OnDemandViewMessages.notAnInput(view, parameter, parameter.asType(), why), parameter);
    return null;
  }

  private void checkNoNullablePrimitive(
      OnDemandViewDef view, FeatureViewDef input, VariableElement parameter) {
    for (Member feature : input.features()) {
      if (feature.type() != null
          && feature.type().nullable()
          && feature.method().getReturnType().getKind().isPrimitive()) {
        reporter.error(
            OnDemandViewMessages.nullablePrimitiveInput(view, input.describe(), feature.method()),
            parameter);
      }
    }
  }
}
