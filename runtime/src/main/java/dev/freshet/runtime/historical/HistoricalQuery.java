package dev.freshet.runtime.historical;

import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features a historical retrieval adds to each entity row, resolved against the registry, in
 * output order.
 */
public record HistoricalQuery(List<RequestedFeature> features) {
  public HistoricalQuery {
    features = List.copyOf(features);
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
      FeatureViewSpec view = view(registry, reference.substring(0, colon));
      FeatureSpec feature = feature(view, reference.substring(colon + 1));
      features.add(
          new RequestedFeature(
              view, feature, column(view.name(), feature.name(), fullFeatureNames)));
    }
    return checked(features, fullFeatureNames);
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
                        "feature service '"
                            + name
                            + "' does not exist"
                            + Suggestions.didYouMean(
                                name,
                                registry.featureServices().stream()
                                    .map(FeatureServiceSpec::name)
                                    .toList())));
    List<RequestedFeature> features = new ArrayList<>();
    for (FeatureSelectionSpec selection : service.selections()) {
      FeatureViewSpec view = view(registry, selection.featureView());
      for (String featureName : selection.features()) {
        FeatureSpec feature = feature(view, featureName);
        features.add(
            new RequestedFeature(
                view, feature, column(selection.projectionName(), featureName, fullFeatureNames)));
      }
    }
    return checked(features, fullFeatureNames);
  }

  private static String column(String projection, String feature, boolean fullFeatureNames) {
    return fullFeatureNames ? projection + "__" + feature : feature;
  }

  private static HistoricalQuery checked(
      List<RequestedFeature> features, boolean fullFeatureNames) {
    Map<String, RequestedFeature> byColumn = new HashMap<>();
    for (RequestedFeature feature : features) {
      RequestedFeature clash = byColumn.putIfAbsent(feature.column(), feature);
      if (clash != null) {
        throw new HistoricalRequestException(
            "two requested features would both be column '"
                + feature.column()
                + "' ("
                + clash.view().name()
                + ":"
                + clash.feature().name()
                + " and "
                + feature.view().name()
                + ":"
                + feature.feature().name()
                + ")"
                + (fullFeatureNames
                    ? "; request each feature once"
                    : "; ask for full feature names (view__feature)"));
      }
    }
    return new HistoricalQuery(features);
  }

  private static FeatureViewSpec view(FeatureRegistry registry, String name) {
    return registry
        .featureView(name)
        .orElseThrow(
            () ->
                new HistoricalRequestException(
                    "feature view '"
                        + name
                        + "' does not exist"
                        + Suggestions.didYouMean(
                            name,
                            registry.featureViews().stream().map(FeatureViewSpec::name).toList())));
  }

  private static FeatureSpec feature(FeatureViewSpec view, String name) {
    FeatureSpec feature = view.feature(name);
    if (feature == null) {
      throw new HistoricalRequestException(
          "feature view '"
              + view.name()
              + "' has no feature '"
              + name
              + "'"
              + Suggestions.didYouMean(
                  name, view.features().stream().map(FeatureSpec::name).toList()));
    }
    return feature;
  }
}
