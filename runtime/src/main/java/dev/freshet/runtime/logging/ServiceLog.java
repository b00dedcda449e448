package dev.freshet.runtime.logging;

import dev.freshet.client.FeatureColumn;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one feature service: serving threads offer responses to a bounded queue (a full queue
 * drops the response and counts it, it never makes serving wait); one writer thread turns them into
 * rows and rolls a Parquet file by size and by age.
 */
final class ServiceLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLog.class);

  private final String service;
  private final LogSchema schema;
  private final Path directory;
  private final double sampleRate;
  private final long rollSize;
  private final long rollIntervalNanos;
  private final BlockingQueue<LoggedResponse> queue;
  private final Counter rowsWritten;
  private final Counter dropped;
  private final Counter failed;
  private final Thread writer;
  private volatile boolean closing;

  private final List<Object[]> buffer = new ArrayList<>();
  private long bufferedBytes;
  private long bufferStarted;

  ServiceLog(
      String service,
      LogSchema schema,
      Path directory,
      double sampleRate,
      long rollSize,
      Duration rollInterval,
      int capacity,
      MeterRegistry meters) {
    this.service = service;
    this.schema = schema;
    this.directory = directory;
    this.sampleRate = sampleRate;
    this.rollSize = rollSize;
    this.rollIntervalNanos = rollInterval.toNanos();
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.rowsWritten =
        counter(
            meters,
            "freshet.feature.logging.rows",
            "Rows of served features written to log files",
            service);
    this.dropped =
        counter(
            meters,
            "freshet.feature.logging.dropped",
            "Responses not logged because the log queue was full",
            service);
    this.failed =
        counter(
            meters,
            "freshet.feature.logging.failed",
            "Rows lost because a log file could not be written",
            service);
    this.writer = new Thread(this::drain, "freshet-feature-log-" + service);
    writer.setDaemon(true);
    writer.start();
  }

  private static Counter counter(
      MeterRegistry meters, String name, String description, String service) {
    return Counter.builder(name)
        .description(description)
        .tag("feature_service", service)
        .register(meters);
  }

  /** Queues a response for logging, if sampled; returns at once. */
  void offer(LoggedResponse response) {
    if (sampleRate < 1.0 && ThreadLocalRandom.current().nextDouble() >= sampleRate) {
      return;
    }
    if (closing || !queue.offer(response)) {
      dropped.increment();
    }
  }

  private void drain() {
    while (!closing || !queue.isEmpty()) {
      try {
        LoggedResponse response = queue.poll(200, TimeUnit.MILLISECONDS);
        if (response != null) {
          add(response);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (!buffer.isEmpty()
          && (bufferedBytes >= rollSize
              || System.nanoTime() - bufferStarted >= rollIntervalNanos)) {
        flush();
      }
    }
    flush();
  }

  private void add(LoggedResponse response) {
    if (buffer.isEmpty()) {
      bufferStarted = System.nanoTime();
    }
    // The same id for every entity row of a response; a random UUID costs nothing here, off the
    // serving path.
    String requestId = UUID.randomUUID().toString();
    int width = schema.joinKeys().size() + 3 * schema.features().size() + 2;
    for (int row = 0; row < response.rows(); row++) {
      Object[] values = new Object[width];
      int at = 0;
      for (List<Object> keys : response.joinKeyColumns()) {
        values[at++] = keys.get(row);
      }
      for (FeatureColumn column : response.featureColumns()) {
        values[at++] = column.values().get(row);
        values[at++] = column.eventTimestamps().get(row);
        values[at++] = column.statuses().get(row).name();
      }
      values[at++] = response.servedAt();
      values[at] = requestId;
      buffer.add(values);
      bufferedBytes += 48L + 24L * width;
    }
  }

  private void flush() {
    if (buffer.isEmpty()) {
      return;
    }
    try {
      LogFiles.write(
          directory, schema, buffer, (java.time.Instant) buffer.get(0)[buffer.get(0).length - 2]);
      rowsWritten.increment(buffer.size());
    } catch (IOException | RuntimeException e) {
      failed.increment(buffer.size());
      LOG.error("feature log of {}: {} rows lost: {}", service, buffer.size(), e.getMessage());
    }
    buffer.clear();
    bufferedBytes = 0;
  }

  /** Writes what is queued and buffered, then stops the writer. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
