package dev.freshet.processor.validation;

import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.FeatureServiceDef;
import dev.freshet.processor.model.FeatureServiceDef.SelectedName;
import dev.freshet.processor.model.FeatureServiceDef.Selection;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.OnDemandViewDef;
import dev.freshet.processor.model.Repository;
import dev.freshet.processor.model.RequestSourceDef;
import dev.freshet.processor.model.ServedView;
import dev.freshet.processor.model.StreamViewDef;
import dev.freshet.spec.Suggestions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks {@code @FeatureService} definitions: what they select exists, once. */
public final class FeatureServiceValidator {
  private final Reporter reporter;

  public FeatureServiceValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  public void validate(Repository repository) {
    for (FeatureServiceDef service : repository.featureServices()) {
      if (service.selections().isEmpty()) {
        reporter.error(
            FeatureServiceMessages.noSelections(service), service.element(), service.mirror());
        continue;
      }
      Set<String> projections = new HashSet<>();
      Map<String, String> featureOwners = new HashMap<>();
      Map<String, String> columns = new HashMap<>();
      for (Selection selection : service.selections()) {
        ServedView view = checkView(repository, service, selection);
        if (view == null) {
          continue;
        }
        checkRequestFields(repository, service, selection, view, columns);
        String projection = selection.alias().isEmpty() ? view.name() : selection.alias();
        if (!checkAlias(service, selection)
            || !checkProjectionOnce(service, selection, projection, projections)) {
          continue;
        }
        if (view instanceof FeatureViewDef stored) {
          checkOnline(service, selection, stored);
        }
        List<String> selected = checkFeatures(service, selection, view);
        warnOnSameNames(service, selection, projection, selected, featureOwners);
      }
    }
  }

  private ServedView checkView(
      Repository repository, FeatureServiceDef service, Selection selection) {
    if (selection.view().unresolved()) {
      return null;
    }
    Definition definition = repository.definitionOf(selection.view().type());
    if (definition instanceof ServedView view) {
      return view;
    }
    String named = selection.view().simpleName();
    String message =
        definition instanceof StreamViewDef stream
            ? FeatureServiceMessages.streamView(service, named, stream.target().simpleName())
            : FeatureServiceMessages.notAView(
                service,
                named,
                Suggestions.hint(named, repository.simpleNamesOf(ServedView.class)));
    reporter.error(message, service.element(), service.mirror(), selection.written());
    return null;
  }

  /**
   * Checks that each request field of an on-demand view can be sent: {@code columns} holds the
   * entity columns of the selections before, by name, as "the join key of entity Driver (INT64)".
   */
  private void checkRequestFields(
      Repository repository,
      FeatureServiceDef service,
      Selection selection,
      ServedView view,
      Map<String, String> columns) {
    if (view instanceof FeatureViewDef stored) {
      for (Member key : repository.joinKeysOf(stored)) {
        if (key.type() != null) {
          columns.putIfAbsent(key.name(), "a join key (" + key.type().valueType() + ")");
        }
      }
      return;
    }
    OnDemandViewDef onDemand = (OnDemandViewDef) view;
    if (onDemand.transform() == null) {
      return;
    }
    for (Definition input : repository.inputsOf(onDemand)) {
      if (input instanceof FeatureViewDef stored) {
        checkRequestFields(repository, service, selection, stored, columns);
      }
    }
    for (Definition input : repository.inputsOf(onDemand)) {
      if (!(input instanceof RequestSourceDef source)) {
        continue;
      }
      for (Member field : source.fields()) {
        if (field.type() == null) {
          continue;
        }
        String type = field.type().valueType().toString();
        String described = "field of " + source.name() + " (" + type + ")";
        String before = columns.putIfAbsent(field.name(), described);
        if (before != null && !before.endsWith("(" + type + ")")) {
          reporter.error(
              FeatureServiceMessages.requestFieldClash(
                  service, view.describe(), field.name(), type, before),
              service.element(),
              service.mirror(),
              selection.written());
        }
      }
    }
  }

  private boolean checkAlias(FeatureServiceDef service, Selection selection) {
    if (!selection.alias().isEmpty() && !DefinitionValidator.isValidName(selection.alias())) {
      reporter.error(
          DefinitionMessages.invalidName("alias", selection.alias()),
          service.element(),
          service.mirror(),
          selection.written());
      return false;
    }
    return true;
  }

  private boolean checkProjectionOnce(
      FeatureServiceDef service, Selection selection, String projection, Set<String> projections) {
    if (!projections.add(projection)) {
      reporter.error(
          FeatureServiceMessages.projectionTwice(service, projection),
          service.element(),
          service.mirror(),
          selection.written());
      return false;
    }
    return true;
  }

  private void checkOnline(FeatureServiceDef service, Selection selection, FeatureViewDef view) {
    if (!view.online()) {
      reporter.warning(
          FeatureServiceMessages.offlineView(service, view),
          service.element(),
          service.mirror(),
          selection.written());
    }
  }

  /** Checks the named features exist, once each; returns the names the selection yields. */
  private List<String> checkFeatures(
      FeatureServiceDef service, Selection selection, ServedView view) {
    if (selection.features().isEmpty()) {
      return view.featureNames();
    }
    Set<String> seen = new HashSet<>();
    for (SelectedName feature : selection.features()) {
      if (view.feature(feature.name()) == null) {
        reporter.error(
            FeatureServiceMessages.unknownFeature(
                view, feature.name(), Suggestions.hint(feature.name(), view.featureNames())),
            service.element(),
            service.mirror(),
            feature.written());
      } else if (!seen.add(feature.name())) {
        reporter.error(
            FeatureServiceMessages.featureTwice(service, feature.name()),
            service.element(),
            service.mirror(),
            feature.written());
      }
    }
    return List.copyOf(seen);
  }

  private void warnOnSameNames(
      FeatureServiceDef service,
      Selection selection,
      String projection,
      List<String> selected,
      Map<String, String> featureOwners) {
    for (String feature : selected.stream().sorted().toList()) {
      String first = featureOwners.putIfAbsent(feature, projection);
      if (first != null) {
        reporter.warning(
            FeatureServiceMessages.sameFeatureName(service, feature, first, projection),
            service.element(),
            service.mirror(),
            selection.written());
      }
    }
  }
}
