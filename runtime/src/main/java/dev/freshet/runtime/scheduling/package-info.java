/**
 * Scheduled materialization: each view with a schedule is materialized incrementally on it, one run
 * at a time per view across a fleet (a lock in the registry store), with its run history.
 */
package dev.freshet.runtime.scheduling;
