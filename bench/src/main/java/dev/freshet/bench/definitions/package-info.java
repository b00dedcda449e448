/**
 * A feature repository shaped for the materialization benchmark: one entity, one Parquet source,
 * one view of ten FLOAT features.
 */
package dev.freshet.bench.definitions;
