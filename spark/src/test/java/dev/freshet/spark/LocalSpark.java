package dev.freshet.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' local session: two cores, few shuffle partitions, no UI, on loopback. One per test
 * JVM, shared by the test classes (each class asks for it): starting Spark costs more than all that
 * a class then runs on it. Spark's own shutdown hook stops it.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
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
    return session;
  }

  /**
   * Stops the shared session, if one is running, for a class that needs a session of its own (one
   * SparkContext per JVM); the next {@link #get} starts a new one.
   */
  static synchronized void stop() {
    if (session != null) {
      session.stop();
      session = null;
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }
}
