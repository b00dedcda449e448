package dev.freshet.runtime.serving;

import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.Suggestions;
import dev.freshet.spec.ValueType;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lookups built once from the generated registry, so that no request parses, scans or reflects:
 * views and their features by name, join key types, and each feature service's resolved features.
 */
@Singleton
public class ServingIndex {
  /**
   * A requested feature: its view, name, type, and the names the response gives it (its full name,
   * {@code projection__name}, is built once here rather than per request). A feature of an
   * on-demand view has that view in {@code onDemand}, and as {@code view} a view of its name that
   * holds nothing, whose join keys are those of the views it reads: the response's writers see the
   * keys they expect, and only the lookup tells the two apart.
   */
  public record Feature(
      FeatureViewSpec view,
      String name,
      ValueType type,
      String projection,
      String fullName,
      OnDemandFeatureViewSpec onDemand) {
    Feature(FeatureViewSpec view, String name, ValueType type, String projection) {
      this(view, name, type, projection, projection + "__" + name, null);
    }

    /** Whether the feature is computed by an on-demand view rather than read from the store. */
    public boolean computed() {
      return onDemand != null;
    }

    /** The name the response gives the feature: {@code name}, or {@code projection__name}. */
    public String outputName(boolean fullNames) {
      return fullNames ? fullName : name;
    }
  }

  private final Map<String, FeatureViewSpec> views = new HashMap<>();
  private final Map<String, Map<String, FeatureSpec>> features = new HashMap<>();

  /** Every feature by its reference, {@code view:feature}. */
  private final Map<String, Feature> byReference = new HashMap<>();

  private final Map<String, ValueType> joinKeyTypes = new HashMap<>();
  private final Map<String, List<Feature>> services = new LinkedHashMap<>();

  public ServingIndex(FeatureRegistry registry) {
    for (FeatureViewSpec view : registry.featureViews()) {
      views.put(view.name(), view);
      Map<String, FeatureSpec> byName = new HashMap<>();
      for (FeatureSpec feature : view.features()) {
        byName.put(feature.name(), feature);
        byReference.put(
            view.name() + ":" + feature.name(),
            new Feature(view, feature.name(), feature.type(), view.name()));
      }
      features.put(view.name(), byName);
      for (JoinKeySpec key : view.joinKeys()) {
        joinKeyTypes.put(key.name(), key.type());
      }
    }
    for (OnDemandFeatureViewSpec onDemand : registry.onDemandFeatureViews()) {
      FeatureViewSpec.Builder keys = FeatureViewSpec.builder(onDemand.name());
      Set<String> seen = new HashSet<>();
      for (String input : onDemand.inputViews()) {
        for (JoinKeySpec key : views.get(input).joinKeys()) {
          if (seen.add(key.name())) {
            keys.joinKey(key.name(), key.type());
          }
        }
      }
      // A view computed at write time is stored as the view it reads is, and read like it.
      FeatureViewSpec holder =
          onDemand.writeToOnlineStore()
              ? onDemand.storedAs(views.get(onDemand.inputViews().get(0)))
              : keys.build();
      OnDemandFeatureViewSpec computed = onDemand.writeToOnlineStore() ? null : onDemand;
      views.put(onDemand.name(), holder);
      Map<String, FeatureSpec> byName = new HashMap<>();
      for (FeatureSpec feature : onDemand.features()) {
        byName.put(feature.name(), feature);
        byReference.put(
            onDemand.name() + ":" + feature.name(),
            new Feature(
                holder,
                feature.name(),
                feature.type(),
                onDemand.name(),
                onDemand.name() + "__" + feature.name(),
                computed));
      }
      features.put(onDemand.name(), byName);
    }
    for (FeatureServiceSpec service : registry.featureServices()) {
      List<Feature> resolved = new ArrayList<>();
      for (FeatureSelectionSpec selection : service.selections()) {
        FeatureViewSpec view = views.get(selection.featureView());
        OnDemandFeatureViewSpec onDemand =
            registry
                .onDemandFeatureView(selection.featureView())
                .filter(v -> !v.writeToOnlineStore())
                .orElse(null);
        for (String name : selection.features()) {
          String projection = selection.projectionName();
          resolved.add(
              new Feature(
                  view,
                  name,
                  features.get(view.name()).get(name).type(),
                  projection,
                  projection + "__" + name,
                  onDemand));
        }
      }
      services.put(service.name(), List.copyOf(resolved));
    }
  }

  /** The features of a service, or a 404 naming it. */
  public List<Feature> service(String name) {
    List<Feature> resolved = services.get(name);
    if (resolved == null) {
      throw new RequestException(
          ErrorKind.FEATURE_SERVICE_NOT_FOUND,
          Suggestions.doesNotExist("feature service", name, services.keySet()));
    }
    return resolved;
  }

  /**
   * The feature {@code view:feature}, or a 4xx naming what is wrong with the reference: every
   * feature of every view is indexed, so a reference not found is a mistake to explain.
   */
  public Feature feature(String reference) {
    Feature known = byReference.get(reference);
    if (known != null) {
      return known;
    }
    int colon = reference.indexOf(':');
    if (colon <= 0 || colon == reference.length() - 1) {
      throw RequestException.malformed(
          "'"
              + reference
              + "' is not a feature reference; write view:feature, e.g. driver_hourly_stats:conv_rate");
    }
    String viewName = reference.substring(0, colon);
    String name = reference.substring(colon + 1);
    if (!views.containsKey(viewName)) {
      throw new RequestException(
          ErrorKind.FEATURE_VIEW_NOT_FOUND,
          Suggestions.doesNotExist("feature view", viewName, views.keySet()));
    }
    throw new RequestException(
        ErrorKind.FEATURE_NOT_FOUND,
        "feature view '"
            + viewName
            + "' has no feature '"
            + name
            + "'"
            + Suggestions.didYouMean(name, features.get(viewName).keySet()));
  }

  /** Every stored feature of the view {@code name}, as a read of the whole view asks for them. */
  List<Feature> featuresOf(String name) {
    FeatureViewSpec view = views.get(name);
    List<Feature> all = new ArrayList<>(view.features().size());
    for (FeatureSpec feature : view.features()) {
      all.add(byReference.get(name + ":" + feature.name()));
    }
    return all;
  }

  /** The type of a join key, or null for a name no view uses (such entity columns are ignored). */
  public ValueType joinKeyType(String name) {
    return joinKeyTypes.get(name);
  }
}
