package ${package};

import dev.freshet.annotations.FileSource;

/** Customers' order statistics, one Parquet file; the path is relative to the repository. */
@FileSource(path = "data/customer_stats.parquet", timestampField = "event_timestamp")
public interface CustomerStatsSource {}
