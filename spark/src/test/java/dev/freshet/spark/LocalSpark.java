package dev.freshet.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One small local session per test class: two cores, few shuffle partitions, no UI, on loopback.
 */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("freshet-test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        // Tests read kilobytes: compiling whole stages costs more than it saves.
        .config("spark.sql.codegen.wholeStage", "false")
        .getOrCreate();
  }
}
