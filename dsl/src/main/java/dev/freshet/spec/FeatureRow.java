package dev.freshet.spec;

import java.time.Instant;
import java.util.List;

/**
 * One row of a feature view: the entity it describes, when, and its feature values. Generated row
 * records implement it so that the runtime writes them without knowing their types.
 */
public interface FeatureRow {
  /** The join key values, in the order of {@link FeatureViewSpec#joinKeys()}. */
  List<Object> joinKeyValues();

  Instant eventTimestamp();

  /** When the row was written, or null when the source has no created column. */
  Instant createdTimestamp();

  /** The feature values (null where null), in the order of {@link FeatureViewSpec#features()}. */
  List<Object> featureValues();
}
