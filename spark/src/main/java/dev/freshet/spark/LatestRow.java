package dev.freshet.spark;

import dev.freshet.spec.FeatureRow;
import java.time.Instant;
import java.util.List;

/** A view's latest row of one entity, as an executor built it from Spark's row. */
record LatestRow(
    List<Object> joinKeyValues,
    Instant eventTimestamp,
    Instant createdTimestamp,
    List<Object> featureValues)
    implements FeatureRow {}
