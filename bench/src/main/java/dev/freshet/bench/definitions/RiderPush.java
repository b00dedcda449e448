package dev.freshet.bench.definitions;

import dev.freshet.annotations.PushSource;

/** Where the stream's results would also go offline. */
@PushSource(batchSource = RiderTripsSource.class)
public interface RiderPush {}
