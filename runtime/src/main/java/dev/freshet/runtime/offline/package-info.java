/**
 * The offline side: reading batch sources (Parquet files and directories) through DuckDB, an
 * embedded analytical engine that streams any Parquet layout users really have.
 */
package dev.freshet.runtime.offline;
