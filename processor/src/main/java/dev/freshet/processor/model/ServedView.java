package dev.freshet.processor.model;

import java.util.List;

/** A view a feature service can select from: a feature view, or an on-demand view. */
public sealed interface ServedView extends Definition permits FeatureViewDef, OnDemandViewDef {
  List<Member> features();

  default List<String> featureNames() {
    return features().stream().map(Member::name).toList();
  }

  /** The feature called {@code name}, or null. */
  default Member feature(String name) {
    return features().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }
}
