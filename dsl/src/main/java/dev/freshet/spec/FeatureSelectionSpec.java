package dev.freshet.spec;

import java.util.List;

/**
 * The features a service selects from one view, in order. {@code alias} is empty when the view
 * keeps its own name.
 */
public record FeatureSelectionSpec(String featureView, String alias, List<String> features) {

  /** The view's name within the service: the alias, or else the view's name. */
  public String projectionName() {
    return alias.isEmpty() ? featureView : alias;
  }
}
