package dev.freshet.spark;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.historical.DuckDbOfflineEngine;
import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.spec.FeatureRegistry;

/** The contract on DuckDB's engine, the reference the Spark engine is held to. */
class DuckDbEngineContractTest extends OfflineEngineContract {
  @Override
  OfflineEngine engine(FeatureRegistry registry, FreshetConfig config) {
    return new DuckDbOfflineEngine(registry, config, new OfflineConfig());
  }
}
