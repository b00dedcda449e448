package dev.freshet.bench.definitions;

import dev.freshet.annotations.FileSource;

/** The generated Parquet file, under the benchmark's working directory. */
@FileSource(
    path = "rider_stats.parquet",
    timestampField = "event_timestamp",
    createdTimestampColumn = "created")
public interface RiderSource {}
