package dev.freshet.spark;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.engine.BatchEngine;
import dev.freshet.runtime.engine.BatchEngineProvider;
import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.runtime.materialize.LatestRowsWriter;
import dev.freshet.spec.FeatureRegistry;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** {@code --engine spark}: a session on {@code freshet.offline.spark.master}, or the open one. */
public final class SparkEngineProvider implements BatchEngineProvider {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public BatchEngine open(
      FeatureRegistry registry,
      FreshetConfig config,
      OfflineConfig offline,
      OnlineStoreConfig online) {
    boolean ours = !SparkSessions.isOpen();
    SparkSession spark = SparkSessions.open(offline.getSpark().getMaster());
    return new SparkBatchEngine(
        spark,
        ours,
        new SparkOfflineEngine(spark, registry, config),
        new SparkLatestRows(spark, config, online));
  }

  /** The open engine; stops the session at close only when it started it. */
  private record SparkBatchEngine(
      SparkSession spark, boolean ours, OfflineEngine historical, LatestRowsWriter writer)
      implements BatchEngine {
    @Override
    public String name() {
      return "spark";
    }

    @Override
    public Optional<LatestRowsWriter> materialization() {
      return Optional.of(writer);
    }

    @Override
    public void close() {
      if (ours) {
        spark.stop();
      }
    }
  }
}
