package dev.freshet.spark;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.materialize.MaterializationJob;

/** The contract on the in-process job: DuckDB reads, this process writes. */
class DuckDbMaterializationContractTest extends MaterializationContract {
  @Override
  MaterializationJob on(MaterializationJob job, FreshetConfig config, OnlineStoreConfig online) {
    return job;
  }
}
