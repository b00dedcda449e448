package dev.freshet.runtime.engine;

import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.runtime.materialize.LatestRowsWriter;
import java.util.Optional;

/** An open batch engine: what runs a command's retrieval or materialization. Close it after. */
public interface BatchEngine extends AutoCloseable {
  /** {@code duckdb}, {@code spark}. */
  String name();

  /** Point-in-time joins. */
  OfflineEngine historical();

  /** Materialization's heavy part; empty when the job does it in this process (DuckDB). */
  Optional<LatestRowsWriter> materialization();

  @Override
  void close();
}
