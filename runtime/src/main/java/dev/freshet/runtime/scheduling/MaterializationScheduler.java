package dev.freshet.runtime.scheduling;

import dev.freshet.runtime.config.SchedulingConfig;
import dev.freshet.runtime.materialize.MaterializationJob;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.materialize.ViewSummary;
import dev.freshet.runtime.registry.RegistryLock;
import dev.freshet.runtime.registry.RegistryStore;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.BeanProvider;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code materialize-incremental} for each view on its schedule ({@code serve} with {@code
 * freshet.scheduling.enabled}). A view's next run is planned when its last one ends, so one process
 * never runs a view twice at once; across processes, a run first takes the view's lock in the
 * registry store (a PostgreSQL advisory lock for a shared SQL registry) and is skipped when another
 * process holds it.
 */
@Singleton
public class MaterializationScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MaterializationScheduler.class);

  /** A scheduled view: its schedule, its next run and its latest runs. */
  private final class Scheduled {
    final FeatureViewSpec view;
    final Schedule schedule;
    final Deque<ScheduledRun> runs = new ArrayDeque<>();
    final Timer duration;
    final AtomicLong lastSuccess = new AtomicLong();
    volatile Instant next;

    Scheduled(FeatureViewSpec view, Schedule schedule) {
      this.view = view;
      this.schedule = schedule;
      this.duration =
          Timer.builder("freshet.schedule.duration")
              .description("Time of scheduled materialization runs")
              .tag("view", view.name())
              .register(meters);
      Gauge.builder("freshet.schedule.last.success", lastSuccess, AtomicLong::get)
          .description(
              "When the view's last scheduled run succeeded, in seconds since the epoch (0: never)")
          .tag("view", view.name())
          .register(meters);
    }
  }

  private final FeatureRegistry registry;
  private final SchedulingConfig config;
  private final MaterializationJob job;
  private final BeanProvider<RegistryStore> store;
  private final MeterRegistry meters;
  private final Map<String, Scheduled> scheduled = new LinkedHashMap<>();
  private ScheduledThreadPoolExecutor executor;
  private volatile boolean closed;

  public MaterializationScheduler(
      FeatureRegistry registry,
      SchedulingConfig config,
      MaterializationJob job,
      BeanProvider<RegistryStore> store,
      MeterRegistry meters) {
    this.registry = registry;
    this.config = config;
    this.job = job;
    this.store = store;
    this.meters = meters;
  }

  /**
   * Plans the first run of every scheduled online view.
   *
   * @return {@code driver_hourly_stats every 1h}, one per scheduled view
   * @throws IllegalArgumentException for a schedule that does not parse, or an override of no view
   */
  public synchronized List<String> start() {
    Map<String, String> overrides = new LinkedHashMap<>();
    // Micronaut may hand map keys over in kebab case: driver_hourly_stats as driver-hourly-stats.
    config
        .getSchedules()
        .forEach((view, schedule) -> overrides.put(view.replace('-', '_'), schedule));
    for (String view : overrides.keySet()) {
      if (registry.featureView(view).isEmpty()) {
        throw new IllegalArgumentException(
            "freshet.scheduling.schedules." + view + ": there is no feature view " + view);
      }
    }
    for (FeatureViewSpec view : registry.featureViews()) {
      String text = overrides.getOrDefault(view.name(), view.schedule());
      if (view.online() && text != null && !text.isBlank()) {
        scheduled.put(view.name(), new Scheduled(view, Schedule.parse(view.name(), text)));
      }
    }
    executor =
        new ScheduledThreadPoolExecutor(
            Math.max(1, Math.min(4, scheduled.size())),
            runnable -> {
              Thread thread = new Thread(runnable, "freshet-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    Instant now = Instant.now();
    List<String> described = new ArrayList<>();
    for (Scheduled view : scheduled.values()) {
      plan(view, view.schedule.next(now));
      described.add(view.view.name() + " " + view.schedule.describe());
    }
    return described;
  }

  private void plan(Scheduled view, Instant at) {
    view.next = at;
    long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
    executor.schedule(() -> run(view), delay, TimeUnit.MILLISECONDS);
  }

  private void run(Scheduled view) {
    if (closed) {
      return;
    }
    Instant started = Instant.now();
    ScheduledRun run;
    try {
      Optional<RegistryLock> lock = store.get().tryLock("materialize/" + view.view.name());
      if (lock.isEmpty()) {
        run =
            new ScheduledRun(
                view.view.name(),
                started,
                Instant.now(),
                "skipped",
                0,
                "another process is materializing this view");
      } else {
        RegistryLock held = lock.get();
        try {
          // The run's times lie within the lock's hold, so that runs of a fleet never seem to
          // overlap.
          started = Instant.now();
          List<ViewSummary> summaries =
              job.materializeIncremental(
                  List.of(view.view.name()),
                  started.truncatedTo(ChronoUnit.MICROS),
                  MaterializationProgress.SILENT);
          long written = summaries.stream().mapToLong(ViewSummary::written).sum();
          run =
              new ScheduledRun(
                  view.view.name(), started, Instant.now(), "succeeded", written, null);
          view.lastSuccess.set(run.finished().getEpochSecond());
        } finally {
          held.close();
        }
      }
    } catch (RuntimeException e) {
      run = new ScheduledRun(view.view.name(), started, Instant.now(), "failed", 0, e.getMessage());
      LOG.error("scheduled materialization of {} failed: {}", view.view.name(), e.getMessage());
    }
    view.duration.record(Duration.between(run.started(), run.finished()));
    Counter.builder("freshet.schedule.runs")
        .description("Scheduled materialization runs, by outcome")
        .tag("view", run.view())
        .tag("outcome", run.outcome())
        .register(meters)
        .increment();
    synchronized (view.runs) {
      view.runs.addFirst(run);
      while (view.runs.size() > config.getHistorySize()) {
        view.runs.removeLast();
      }
    }
    if (!closed) {
      plan(view, view.schedule.next(Instant.now()));
    }
  }

  /** Per scheduled view: its schedule, next run and latest runs (newest first). */
  public record ViewHistory(
      String view, String schedule, Instant nextRun, List<ScheduledRun> runs) {}

  public boolean running() {
    return executor != null && !closed;
  }

  public List<ViewHistory> history() {
    List<ViewHistory> history = new ArrayList<>();
    for (Scheduled view : scheduled.values()) {
      List<ScheduledRun> runs;
      synchronized (view.runs) {
        runs = List.copyOf(view.runs);
      }
      history.add(new ViewHistory(view.view.name(), view.schedule.describe(), view.next, runs));
    }
    return history;
  }

  /** Stops planning runs and waits (up to a minute) for a run in progress to end. */
  @PreDestroy
  @Override
  public synchronized void close() {
    closed = true;
    if (executor != null) {
      // A run in progress finishes (its interval is recorded); planned ones are dropped.
      executor.shutdown();
      try {
        executor.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
