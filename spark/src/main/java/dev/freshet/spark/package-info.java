/**
 * The Spark engine: point-in-time historical retrieval ({@link
 * dev.freshet.spark.SparkOfflineEngine}) and materialization's latest rows written to Redis from
 * the executors ({@link dev.freshet.spark.SparkLatestRows}), both as Spark SQL plans with DuckDB's
 * semantics, found by the commands' {@code --engine spark} through {@link
 * dev.freshet.spark.SparkEngineProvider}.
 */
package dev.freshet.spark;
