package dev.freshet.spark;

import org.apache.spark.sql.SparkSession;

/** The session settings the engine's plans rely on. */
final class SparkSessions {
  private SparkSessions() {}

  /**
   * Sets UTC as the session's time zone (times without a zone read as UTC, as DuckDB's engine reads
   * them) and the Java 8 time API (results carry {@code Instant}s).
   */
  static SparkSession prepared(SparkSession spark) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    return spark;
  }

  /**
   * The session: the active one (spark-submit's, or a test's) when there is one, else a new one on
   * {@code master}. Under spark-submit its master wins: it is a system property by then.
   */
  static SparkSession open(String master) {
    SparkSession.Builder builder = SparkSession.builder().appName("freshet");
    if (System.getProperty("spark.master") == null) {
      builder.master(master);
    }
    return prepared(builder.getOrCreate());
  }

  /** Whether a session is open already, which the engine must then not stop. */
  static boolean isOpen() {
    return SparkSession.getActiveSession().isDefined()
        || SparkSession.getDefaultSession().isDefined();
  }
}
