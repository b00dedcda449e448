package dev.freshet.runtime.cli;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.engine.BatchEngine;
import dev.freshet.runtime.engine.BatchEngines;
import dev.freshet.spec.FeatureRegistry;
import picocli.CommandLine.Option;

/** {@code --engine}: what the batch commands run on. */
public class EngineOption {
  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "duckdb (this process) or spark (freshet-spark and Spark on the class path, master"
              + " freshet.offline.spark.master); default: freshet.offline.engine, else duckdb.")
  String engine;

  /** The engine named here, else in the configuration. */
  String name(OfflineConfig offline) {
    return engine != null ? engine : offline.getEngine();
  }

  boolean isDuckDb(OfflineConfig offline) {
    return name(offline).trim().equalsIgnoreCase(BatchEngines.DUCKDB);
  }

  BatchEngine open(
      FeatureRegistry registry,
      FreshetConfig config,
      OfflineConfig offline,
      OnlineStoreConfig online) {
    return BatchEngines.open(name(offline), registry, config, offline, online);
  }
}
