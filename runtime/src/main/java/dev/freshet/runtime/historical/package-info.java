/**
 * Training data: point-in-time correct joins of entity rows against feature views, run by an {@link
 * dev.freshet.runtime.historical.OfflineEngine} (DuckDB here), for files (the command and the Java
 * API) and for the few thousand entity rows of a {@code /get-historical-features} request ({@link
 * dev.freshet.runtime.historical.HistoricalRequests}).
 */
package dev.freshet.runtime.historical;
