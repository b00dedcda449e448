package dev.freshet.runtime.historical;

import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.RequestSourceSpec;
import dev.freshet.spec.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The features a historical retrieval adds to each entity row, resolved against the registry, in
 * output order. Features of on-demand views are computed after the join, from the features of their
 * input views joined as of the same time ({@link #joined}) and from the entity rows' columns named
 * as their request sources' fields.
 *
 * @param inputViews the views the on-demand views asked for read, each once
 * @param requestFields the fields of their request sources, each once
 * @param eventTimes whether the result ends with, per joined view, the event time of the row it
 *     took ({@link #eventTimeColumn}; null where none within the ttl), as a consistency check
 *     compares them with what was served
 */
public record HistoricalQuery(
    List<RequestedFeature> features,
    List<FeatureViewSpec> inputViews,
    List<FeatureSpec> requestFields,
    boolean eventTimes) {
  /** The prefix of the columns an engine joins for on-demand views and leaves out of the result. */
  public static final String INPUT_PREFIX = "__freshet_input__";

  public HistoricalQuery {
    features = List.copyOf(features);
    inputViews = List.copyOf(inputViews);
    requestFields = List.copyOf(requestFields);
  }

  public HistoricalQuery(List<RequestedFeature> features) {
    this(features, List.of(), List.of(), false);
  }

  /** This query, with the event time of each joined view's row at the end of the result. */
  public HistoricalQuery withEventTimes() {
    return new HistoricalQuery(features, inputViews, requestFields, true);
  }

  /** The column of the event time of the row joined from {@code view}. */
  public static String eventTimeColumn(String view) {
    return "__freshet_event_time__" + view;
  }

  /** The features computed by on-demand views, in output order. */
  public List<RequestedFeature> computed() {
    return features.stream().filter(RequestedFeature::isComputed).toList();
  }

  /**
   * What an engine joins: the stored features asked for, then every feature of each input view, as
   * the column {@link #inputColumn}.
   */
  public List<RequestedFeature> joined() {
    List<RequestedFeature> joined = new ArrayList<>();
    for (RequestedFeature feature : features) {
      if (!feature.isComputed()) {
        joined.add(feature);
      }
    }
    for (FeatureViewSpec view : inputViews) {
      for (FeatureSpec input : view.features()) {
        joined.add(new RequestedFeature(view, input, inputColumn(view.name(), input.name())));
      }
    }
    return joined;
  }

  /** The column holding {@code feature} of input view {@code view} before the transforms run. */
  public static String inputColumn(String view, String feature) {
    return INPUT_PREFIX + view + "__" + feature;
  }

  /**
   * The features named {@code view:feature}.
   *
   * @param fullFeatureNames name the columns {@code view__feature} rather than {@code feature}
   * @throws HistoricalRequestException for an unknown view or feature, or two columns of one name
   */
  public static HistoricalQuery of(
      FeatureRegistry registry, List<String> references, boolean fullFeatureNames) {
    if (references.isEmpty()) {
      throw new HistoricalRequestException(
          "no features requested; name them as view:feature, or a feature service");
    }
    List<RequestedFeature> features = new ArrayList<>();
    for (String reference : references) {
      int colon = reference.indexOf(':');
      if (colon <= 0 || colon == reference.length() - 1) {
        throw new HistoricalRequestException(
            "'"
                + reference
                + "' is not a feature reference; write view:feature, e.g. driver_hourly_stats:conv_rate");
      }
      String viewName = reference.substring(0, colon);
      features.add(
          requested(
              registry, viewName, reference.substring(colon + 1), viewName, fullFeatureNames));
    }
    return checked(registry, features, fullFeatureNames);
  }

  /** The features of feature service {@code name}, in its selection order. */
  public static HistoricalQuery forService(
      FeatureRegistry registry, String name, boolean fullFeatureNames) {
    FeatureServiceSpec service =
        registry
            .featureService(name)
            .orElseThrow(
                () ->
                    new HistoricalRequestException(
                        Suggestions.doesNotExist(
                            "feature service", name, registry.featureServiceNames())));
    List<RequestedFeature> features = new ArrayList<>();
    for (FeatureSelectionSpec selection : service.selections()) {
      for (String featureName : selection.features()) {
        features.add(
            requested(
                registry,
                selection.featureView(),
                featureName,
                selection.projectionName(),
                fullFeatureNames));
      }
    }
    return checked(registry, features, fullFeatureNames);
  }

  private static RequestedFeature requested(
      FeatureRegistry registry,
      String viewName,
      String featureName,
      String projection,
      boolean fullFeatureNames) {
    String column = column(projection, featureName, fullFeatureNames);
    Optional<OnDemandFeatureViewSpec> onDemand = registry.onDemandFeatureView(viewName);
    if (onDemand.isPresent()) {
      return RequestedFeature.computed(
          onDemand.get(),
          feature(onDemand.get().name(), onDemand.get().features(), featureName),
          column);
    }
    FeatureViewSpec view = view(registry, viewName);
    return new RequestedFeature(view, feature(view.name(), view.features(), featureName), column);
  }

  private static String column(String projection, String feature, boolean fullFeatureNames) {
    return fullFeatureNames ? projection + "__" + feature : feature;
  }

  private static HistoricalQuery checked(
      FeatureRegistry registry, List<RequestedFeature> features, boolean fullFeatureNames) {
    Map<String, RequestedFeature> byColumn = new HashMap<>();
    for (RequestedFeature feature : features) {
      RequestedFeature clash = byColumn.putIfAbsent(feature.column(), feature);
      if (clash != null) {
        throw new HistoricalRequestException(
            "two requested features would both be column '"
                + feature.column()
                + "' ("
                + clash.viewName()
                + ":"
                + clash.feature().name()
                + " and "
                + feature.viewName()
                + ":"
                + feature.feature().name()
                + ")"
                + (fullFeatureNames
                    ? "; request each feature once"
                    : "; ask for full feature names (view__feature)"));
      }
    }
    List<FeatureViewSpec> inputViews = new ArrayList<>();
    List<FeatureSpec> requestFields = new ArrayList<>();
    for (RequestedFeature feature : features) {
      if (!feature.isComputed()) {
        continue;
      }
      for (OnDemandFeatureViewSpec.Input input : feature.onDemand().inputs()) {
        if (input.request()) {
          RequestSourceSpec source =
              (RequestSourceSpec) registry.dataSource(input.name()).orElseThrow();
          for (FeatureSpec field : source.fields()) {
            if (requestFields.stream().noneMatch(f -> f.name().equals(field.name()))) {
              requestFields.add(field);
            }
          }
        } else if (inputViews.stream().noneMatch(v -> v.name().equals(input.name()))) {
          inputViews.add(view(registry, input.name()));
        }
      }
    }
    return new HistoricalQuery(features, inputViews, requestFields, false);
  }

  private static FeatureViewSpec view(FeatureRegistry registry, String name) {
    return registry
        .featureView(name)
        .orElseThrow(
            () ->
                new HistoricalRequestException(
                    Suggestions.doesNotExist("feature view", name, viewNames(registry))));
  }

  private static List<String> viewNames(FeatureRegistry registry) {
    List<String> names = new ArrayList<>();
    registry.featureViews().forEach(v -> names.add(v.name()));
    registry.onDemandFeatureViews().forEach(v -> names.add(v.name()));
    return names;
  }

  private static FeatureSpec feature(String view, List<FeatureSpec> features, String name) {
    for (FeatureSpec feature : features) {
      if (feature.name().equals(name)) {
        return feature;
      }
    }
    throw new HistoricalRequestException(
        "feature view '"
            + view
            + "' has no feature '"
            + name
            + "'"
            + Suggestions.didYouMean(name, features.stream().map(FeatureSpec::name).toList()));
  }
}
