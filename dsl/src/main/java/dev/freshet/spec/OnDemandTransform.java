package dev.freshet.spec;

import java.util.List;

/**
 * An on-demand view's transform, generated to call the user's method directly: {@code inputs}
 * holds, for each input of {@link OnDemandFeatureViewSpec#inputs()} in order, the entity row's
 * values of that view's features or of that request source's fields, in declaration order. It
 * returns the view's feature values in the order of {@link OnDemandFeatureViewSpec#features()}.
 */
@FunctionalInterface
public interface OnDemandTransform {
  List<Object> apply(List<List<Object>> inputs);
}
