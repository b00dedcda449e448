/**
 * Logging of served features: each response of a feature service with logging enabled is queued,
 * off the serving thread, and written to Parquet files that can be joined to labels for training.
 */
package dev.freshet.runtime.logging;
