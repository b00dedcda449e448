package dev.freshet.sample;

import dev.freshet.annotations.FileSource;

/** Hourly driver statistics, one Parquet file. */
@FileSource(
    path = "data/driver_stats.parquet",
    timestampField = "event_timestamp",
    createdTimestampColumn = "created")
public interface DriverStatsSource {}
