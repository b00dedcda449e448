package dev.freshet.bench.definitions;

import dev.freshet.annotations.FileSource;

/** A second generated Parquet file, for historical retrieval over two views. */
@FileSource(
    path = "rider_trips.parquet",
    timestampField = "event_timestamp",
    createdTimestampColumn = "created")
public interface RiderTripsSource {}
