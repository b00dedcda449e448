package dev.freshet.client;

import dev.freshet.spec.ValueType;

/** A requested feature: {@code view:feature}, with the type its values are decoded as. */
public record FeatureRef(String view, String feature, ValueType type) {

  /** The reference as Feast writes it, {@code view:feature}. */
  public String reference() {
    return view + ":" + feature;
  }
}
