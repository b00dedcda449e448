package dev.freshet.spark;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.materialize.MaterializationJob;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;

/** The contract on Spark, {@code local[2]}: the executors' tasks write to Redis. */
class SparkMaterializationContractTest extends MaterializationContract {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.get();
  }

  @Override
  MaterializationJob on(MaterializationJob job, FreshetConfig config, OnlineStoreConfig online) {
    return job.on(new SparkLatestRows(spark, config, online));
  }
}
