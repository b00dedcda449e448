/**
 * Which engine runs the batch jobs, historical retrieval and materialization: DuckDB in this
 * process, built in, or one found on the class path through {@link
 * dev.freshet.runtime.engine.BatchEngineProvider} (freshet-spark's), so that the runtime never
 * depends on the engines it can run on.
 */
package dev.freshet.runtime.engine;
