package dev.freshet.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.ShuffleReadMetrics;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What the tasks of a job read and where they ran, from the driver's listener bus: the rows each
 * executor read (from files and from shuffles), and the peak heap each executor reported while a
 * task ran. A row read on the driver would show under the executor id {@code driver}, which is
 * local mode's only executor.
 */
final class SparkTaskTotals extends SparkListener {
  private final Map<String, AtomicLong> rowsRead = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> peakHeap = new ConcurrentHashMap<>();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    String executor = taskEnd.taskInfo().executorId();
    TaskMetrics metrics = taskEnd.taskMetrics();
    if (metrics != null) {
      ShuffleReadMetrics shuffle = metrics.shuffleReadMetrics();
      long rows = metrics.inputMetrics().recordsRead() + shuffle.recordsRead();
      rowsRead.computeIfAbsent(executor, e -> new AtomicLong()).addAndGet(rows);
    }
    if (taskEnd.taskExecutorMetrics() != null) {
      long heap = taskEnd.taskExecutorMetrics().getMetricValue("JVMHeapMemory");
      peakHeap.computeIfAbsent(executor, e -> new AtomicLong()).accumulateAndGet(heap, Math::max);
    }
  }

  void reset() {
    rowsRead.clear();
    peakHeap.clear();
  }

  /** Rows read per executor id, e.g. {@code {0=10000000, 1=9800000}}. */
  Map<String, Long> rowsRead() {
    return snapshot(rowsRead);
  }

  /** The largest heap each executor reported during a task, in bytes (0 when never polled). */
  Map<String, Long> peakHeap() {
    return snapshot(peakHeap);
  }

  private static Map<String, Long> snapshot(Map<String, AtomicLong> totals) {
    Map<String, Long> copy = new TreeMap<>();
    totals.forEach((executor, total) -> copy.put(executor, total.get()));
    return copy;
  }
}
