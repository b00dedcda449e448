/**
 * Batch materialization: the latest row per entity of each view's batch source in a time range,
 * written to the online store newest-wins, with the interval recorded after success.
 */
package dev.freshet.runtime.materialize;
