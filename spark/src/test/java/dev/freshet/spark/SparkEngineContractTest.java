package dev.freshet.spark;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.spec.FeatureRegistry;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;

/** The contract on Spark's engine, on {@code local[2]}. */
class SparkEngineContractTest extends OfflineEngineContract {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.get();
  }

  @Override
  OfflineEngine engine(FeatureRegistry registry, FreshetConfig config) {
    return new SparkOfflineEngine(spark, registry, config);
  }
}
