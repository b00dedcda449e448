package dev.freshet.runtime.materialize;

import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.online.WriteResult;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureViewSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes one view's rows to the online store in batches, on a thread of its own, while the caller
 * goes on reading the next rows: reading and writing overlap, and the small queue between them
 * keeps memory bounded. A batch that fails is written again after a pause, a few times.
 */
final class BatchedWriter implements AutoCloseable {
  /** Rows per online store write. */
  static final int BATCH = 1_000;

  /** Batches read ahead of the writer. */
  static final int QUEUED_BATCHES = 4;

  private static final List<Duration> RETRY_DELAYS =
      List.of(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5));

  /** Marks the end of a view's rows in the writer's queue. */
  private static final List<FeatureRow> END_OF_ROWS = List.of();

  private final BlockingQueue<List<FeatureRow>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final Future<WriteResult> writer;
  private List<FeatureRow> batch = new ArrayList<>(BATCH);
  private long added;

  BatchedWriter(OnlineStore store, FeatureViewSpec view, MaterializationProgress progress) {
    this.writer = thread.submit(() -> writeAll(queue, store, view, progress));
  }

  /** Adds a row, handing the batch to the writer once it is full. */
  void add(FeatureRow row) {
    batch.add(row);
    added++;
    if (batch.size() == BATCH) {
      hand(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /** How many rows {@link #add} was given. */
  long added() {
    return added;
  }

  /** Hands the last batch and waits for the writer: what it wrote, or its failure as thrown. */
  WriteResult finish() {
    hand(batch);
    hand(END_OF_ROWS);
    return result(writer);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  /** Queues a batch for the writer, giving up when the writer has failed. */
  private void hand(List<FeatureRow> batch) {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (writer.isDone()) {
          result(writer); // throws the writer's failure
          throw new IllegalStateException("the writer stopped before the end of the rows");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MaterializationException("materialization was interrupted", e);
    }
  }

  /** What the writer wrote, or its failure as it was thrown. */
  private static WriteResult result(Future<WriteResult> writer) {
    try {
      return writer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MaterializationException("materialization was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("the writer failed", e.getCause());
    }
  }

  private static WriteResult writeAll(
      BlockingQueue<List<FeatureRow>> queue,
      OnlineStore store,
      FeatureViewSpec view,
      MaterializationProgress progress)
      throws InterruptedException {
    WriteResult total = WriteResult.none();
    long done = 0;
    for (List<FeatureRow> batch = queue.take(); batch != END_OF_ROWS; batch = queue.take()) {
      if (!batch.isEmpty()) {
        total = total.plus(writeWithRetry(store, view, batch));
        done += batch.size();
        progress.advanced(view.name(), done);
      }
    }
    return total;
  }

  /** Writes are newest-wins, so a batch that failed halfway is safe to write again. */
  private static WriteResult writeWithRetry(
      OnlineStore store, FeatureViewSpec view, List<FeatureRow> batch) {
    for (int attempt = 0; ; attempt++) {
      try {
        return store.write(view, batch);
      } catch (OnlineStoreException e) {
        if (attempt == RETRY_DELAYS.size()) {
          throw e;
        }
        try {
          Thread.sleep(RETRY_DELAYS.get(attempt).toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
