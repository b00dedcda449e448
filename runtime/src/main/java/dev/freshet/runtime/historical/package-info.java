/**
 * Training data: point-in-time correct joins of entity rows against feature views, run by an
 * {@link dev.freshet.runtime.historical.OfflineEngine} (DuckDB here, the same SQL shape on Spark).
 */
package dev.freshet.runtime.historical;
