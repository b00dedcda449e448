package dev.freshet.sample;

import dev.freshet.annotations.PushSource;

/** Where stream jobs and clients push fresh driver statistics. */
@PushSource(batchSource = DriverStatsSource.class)
public interface DriverStatsPushSource {}
