package dev.freshet.runtime.logging;

import dev.freshet.client.FeatureColumn;
import java.time.Instant;
import java.util.List;

/** One served response, as queued: references to what the server built anyway, nothing copied. */
record LoggedResponse(
    Instant servedAt,
    List<List<Object>> joinKeyColumns,
    List<FeatureColumn> featureColumns,
    int rows) {}
