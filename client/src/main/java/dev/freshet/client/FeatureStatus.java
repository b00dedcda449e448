package dev.freshet.client;

/** What became of one requested feature value, with Feast's names. */
public enum FeatureStatus {
  /** The value was found and is within the view's ttl. */
  PRESENT,
  /** The entity has a row, whose value of this feature is null. */
  NULL_VALUE,
  /** The entity has no row in this view. */
  NOT_FOUND,
  /** The value is older than the view's ttl. */
  OUTSIDE_MAX_AGE
}
