package dev.freshet.runtime.push;

import dev.freshet.spec.FeatureRow;
import java.time.Instant;
import java.util.List;

/** A row of a view taken from a push request, already checked and typed. */
record PushedRow(
    List<Object> joinKeyValues,
    Instant eventTimestamp,
    Instant createdTimestamp,
    List<Object> featureValues)
    implements FeatureRow {}
