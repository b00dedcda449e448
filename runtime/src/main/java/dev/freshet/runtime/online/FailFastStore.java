package dev.freshet.runtime.online;

import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureViewSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker around the online store: once a call finds it unreachable, every call is
 * refused at once with the reason, instead of waiting out a timeout each, while a background probe
 * pings the store every {@code probeEvery}; the first answer lets calls through again. A server's
 * event loops then never queue behind a store that hangs: each read waits at most the store's read
 * timeout, and only until the first one fails.
 */
public final class FailFastStore implements OnlineStore {
  private static final Logger LOG = LoggerFactory.getLogger(FailFastStore.class);

  /** Why calls are refused, and since when. */
  private record Down(Instant since, String reason) {}

  private final OnlineStore store;
  private final Duration probeEvery;
  private final AtomicReference<Down> down = new AtomicReference<>();
  private final ScheduledExecutorService prober;

  public FailFastStore(OnlineStore store, Duration probeEvery) {
    this.store = store;
    this.probeEvery = probeEvery;
    this.prober =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "freshet-online-store-probe");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public List<List<StoredRow>> read(List<ViewRead> reads) {
    refuseWhileDown();
    try {
      return store.read(reads);
    } catch (StoreUnreachableException e) {
      throw tripped(e);
    }
  }

  @Override
  public WriteResult write(FeatureViewSpec view, List<? extends FeatureRow> rows, Ties ties) {
    refuseWhileDown();
    try {
      return store.write(view, rows, ties);
    } catch (StoreUnreachableException e) {
      throw tripped(e);
    }
  }

  @Override
  public void deleteView(FeatureViewSpec view) {
    refuseWhileDown();
    try {
      store.deleteView(view);
    } catch (StoreUnreachableException e) {
      throw tripped(e);
    }
  }

  @Override
  public void ping() {
    refuseWhileDown();
    try {
      store.ping();
    } catch (StoreUnreachableException e) {
      throw tripped(e);
    }
  }

  /** Whether calls are being refused, the store not having answered since it failed. */
  public boolean isDown() {
    return down.get() != null;
  }

  private void refuseWhileDown() {
    Down now = down.get();
    if (now != null) {
      throw new StoreUnreachableException(
          "the online store ("
              + store.describe()
              + ") has not answered since "
              + now.since()
              + " ("
              + now.reason()
              + "); calls are refused at once until it answers again",
          null);
    }
  }

  private StoreUnreachableException tripped(StoreUnreachableException failure) {
    if (down.compareAndSet(null, new Down(Instant.now(), failure.getMessage()))) {
      LOG.warn(
          "{}; refusing calls at once and probing it every {} ms",
          failure.getMessage(),
          probeEvery.toMillis());
      prober.schedule(this::probe, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
    return failure;
  }

  private void probe() {
    try {
      store.ping();
      Down was = down.getAndSet(null);
      if (was != null) {
        LOG.warn(
            "the online store ({}) answers again; it was down since {}",
            store.describe(),
            was.since());
      }
    } catch (RuntimeException stillDown) {
      if (!prober.isShutdown()) {
        prober.schedule(this::probe, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  @Override
  public String describe() {
    return store.describe();
  }

  @Override
  public String identity() {
    return store.identity();
  }

  @Override
  public void close() {
    prober.shutdownNow();
    store.close();
  }
}
