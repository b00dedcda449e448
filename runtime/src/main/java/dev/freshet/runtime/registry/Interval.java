package dev.freshet.runtime.registry;

import java.time.Instant;

/** A time range a view was materialized for, both ends included as in Feast. */
public record Interval(Instant start, Instant end) {}
