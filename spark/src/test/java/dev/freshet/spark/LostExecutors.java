package dev.freshet.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * Counts the executors a driver in this JVM lost, so that a test can tell that a job it saw succeed
 * really lost one on the way. Registered by name through {@code spark.extraListeners}.
 */
public final class LostExecutors extends SparkListener {
  private static final AtomicInteger REMOVED = new AtomicInteger();

  static int count() {
    return REMOVED.get();
  }

  static void reset() {
    REMOVED.set(0);
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    REMOVED.incrementAndGet();
  }
}
