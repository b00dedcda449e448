package dev.freshet.runtime.historical;

import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;

/**
 * One output column of a historical retrieval: {@code feature} of {@code view}, named {@code
 * column} in the result ({@code conv_rate}, or {@code driver_hourly_stats__conv_rate} with full
 * feature names, the view part being the service's alias when it gives one). A feature of an
 * on-demand view has {@code onDemand} and no {@code view}: it is computed from the joined features
 * of the views its transform reads.
 */
public record RequestedFeature(
    FeatureViewSpec view, FeatureSpec feature, String column, OnDemandFeatureViewSpec onDemand) {

  /** A stored feature, joined point-in-time from its view's batch source. */
  public RequestedFeature(FeatureViewSpec view, FeatureSpec feature, String column) {
    this(view, feature, column, null);
  }

  /** A feature computed by on-demand view {@code onDemand}'s transform. */
  public static RequestedFeature computed(
      OnDemandFeatureViewSpec onDemand, FeatureSpec feature, String column) {
    return new RequestedFeature(null, feature, column, onDemand);
  }

  public boolean isComputed() {
    return onDemand != null;
  }

  /** The name of the view that has the feature, stored or on-demand. */
  public String viewName() {
    return onDemand != null ? onDemand.name() : view.name();
  }
}
