package dev.freshet.runtime.materialize;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.offline.BatchSources;
import dev.freshet.runtime.offline.ParquetSource;
import dev.freshet.runtime.offline.SourceColumn;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.online.WriteResult;
import dev.freshet.runtime.registry.Interval;
import dev.freshet.runtime.registry.RegistryException;
import dev.freshet.runtime.registry.RegistryStore;
import dev.freshet.spec.Durations;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.Materializer;
import dev.freshet.spec.Suggestions;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Materializes views into the online store: per view, the latest row of each entity whose event
 * time lies in {@code [start, end]} (ties broken by the created time), written newest-wins in
 * batches. Views run in parallel; every source is checked before anything is written; an interval
 * is recorded only for a view that succeeded.
 */
@Singleton
public class MaterializationJob {
  /** When a store has no interval for a view with no ttl, how far back incremental starts. */
  static final Duration DEFAULT_LOOKBACK = Duration.ofDays(52 * 7);

  private final FeatureRegistry registry;
  private final FreshetConfig config;
  private final RegistryStore registryStore;
  private final BeanProvider<OnlineStore> onlineStore;

  /** Null: DuckDB reads, this process writes. */
  private final LatestRowsWriter engine;

  @Inject
  public MaterializationJob(
      FeatureRegistry registry,
      FreshetConfig config,
      RegistryStore registryStore,
      BeanProvider<OnlineStore> onlineStore) {
    this(registry, config, registryStore, onlineStore, null);
  }

  private MaterializationJob(
      FeatureRegistry registry,
      FreshetConfig config,
      RegistryStore registryStore,
      BeanProvider<OnlineStore> onlineStore,
      LatestRowsWriter engine) {
    this.registry = registry;
    this.config = config;
    this.registryStore = registryStore;
    this.onlineStore = onlineStore;
    this.engine = engine;
  }

  /**
   * The same job with the latest rows computed and written by {@code engine} (Spark's, for one):
   * intervals are still chosen here and recorded only after the engine finished a view.
   */
  public MaterializationJob on(LatestRowsWriter engine) {
    return new MaterializationJob(registry, config, registryStore, onlineStore, engine);
  }

  /** Materializes {@code views} (empty: every online view) over {@code [start, end]}. */
  public List<ViewSummary> materialize(
      List<String> views, Instant start, Instant end, MaterializationProgress progress) {
    if (!start.isBefore(end)) {
      throw new MaterializationException("the start " + start + " is not before the end " + end);
    }
    Map<FeatureViewSpec, Start> starts = new LinkedHashMap<>();
    for (FeatureViewSpec view : resolve(views)) {
      starts.put(view, new Start(start, "as asked"));
    }
    return run(starts, end, progress);
  }

  /** Where a view's run starts, and why there: said in the output. */
  private record Start(Instant at, String why) {}

  /**
   * Materializes each view from the end of the last interval recorded for it in this online store,
   * or, when none was (a new store, or one that was switched to), from {@code end} minus its ttl
   * (52 weeks without a ttl).
   */
  public List<ViewSummary> materializeIncremental(
      List<String> views, Instant end, MaterializationProgress progress) {
    List<FeatureViewSpec> resolved = resolve(views);
    String store = onlineStore.get().identity();
    Map<FeatureViewSpec, Start> starts = new LinkedHashMap<>();
    for (FeatureViewSpec view : resolved) {
      Start start =
          registryStore
              .lastInterval(view.name(), store)
              .map(last -> new Start(last.end(), "where its last run into this store ended"))
              .orElseGet(
                  () ->
                      view.ttl().isZero()
                          ? new Start(
                              end.minus(DEFAULT_LOOKBACK),
                              "nothing materialized into this store yet; no ttl: 52 weeks back")
                          : new Start(
                              end.minus(view.ttl()),
                              "nothing materialized into this store yet: its ttl back from the end"));
      if (start.at().isBefore(end)) {
        starts.put(view, start);
      }
    }
    return run(starts, end, progress);
  }

  private List<FeatureViewSpec> resolve(List<String> names) {
    List<FeatureViewSpec> online =
        registry.featureViews().stream().filter(FeatureViewSpec::online).toList();
    if (names.isEmpty()) {
      return online;
    }
    List<FeatureViewSpec> views = new ArrayList<>();
    for (String name : names) {
      FeatureViewSpec view =
          registry
              .featureView(name)
              .orElseThrow(
                  () ->
                      new NoSuchViewException(
                          Suggestions.doesNotExist(
                              "feature view", name, registry.featureViewNames())));
      if (!view.online()) {
        throw new NoSuchViewException(
            "feature view '" + name + "' is offline (online = false); it is never materialized");
      }
      views.add(view);
    }
    return views;
  }

  /** What one view reads: its batch source, typed columns and materializer. */
  private record Plan(
      FeatureViewSpec view,
      FileSourceSpec source,
      ParquetSource parquet,
      List<SourceColumn> columns,
      Materializer<?> materializer) {}

  private List<ViewSummary> run(
      Map<FeatureViewSpec, Start> starts, Instant end, MaterializationProgress progress) {
    List<Plan> plans = new ArrayList<>();
    for (FeatureViewSpec view : starts.keySet()) {
      plans.add(plan(view));
    }
    for (Plan plan : plans) {
      // every source checked before anything is written
      if (engine == null) {
        plan.parquet().check(plan.columns());
      } else {
        engine.check(plan.view(), plan.source());
      }
    }
    OnlineStore store = onlineStore.get();
    progress.header(plans.stream().map(p -> p.view().name()).toList(), end, store.describe());
    if (plans.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(plans.size(), Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<ViewSummary>> futures = new ArrayList<>();
      for (Plan plan : plans) {
        futures.add(
            pool.submit(() -> materialize(plan, starts.get(plan.view()), end, store, progress)));
      }
      List<ViewSummary> summaries = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          summaries.add(futures.get(i).get());
        } catch (ExecutionException e) {
          Exception cause = e.getCause() instanceof Exception c ? c : e;
          if (!isExpected(cause)) {
            throw new IllegalStateException(
                "materializing " + plans.get(i).view().name() + " failed unexpectedly", cause);
          }
          progress.failed(plans.get(i).view().name(), cause);
          failures.add(plans.get(i).view().name() + ": " + cause.getMessage());
        }
      }
      if (!failures.isEmpty()) {
        throw new MaterializationException(
            "materialization failed for " + String.join("; ", failures));
      }
      return summaries;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MaterializationException("materialization was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Failures of stores and sources, which a user can act on; anything else is a bug. */
  private static boolean isExpected(Exception cause) {
    return cause instanceof OnlineStoreException
        || cause instanceof SourceReadException
        || cause instanceof RegistryException
        || cause instanceof MaterializationException;
  }

  private Plan plan(FeatureViewSpec view) {
    FileSourceSpec source = batchSource(view);
    if (engine != null) {
      // The engine types the rows from the view's spec; the source may not even be a local path.
      return new Plan(view, source, null, List.of(), null);
    }
    Materializer<?> materializer =
        registry
            .materializer(view.name())
            .orElseThrow(
                () ->
                    new MaterializationException(
                        "feature view '" + view.name() + "' has no materializer"));
    return new Plan(
        view,
        source,
        new ParquetSource(config.resolve(source.path())),
        SourceColumns.of(view, source, materializer),
        materializer);
  }

  private FileSourceSpec batchSource(FeatureViewSpec view) {
    return BatchSources.of(registry, view)
        .orElseThrow(
            () ->
                new MaterializationException(
                    "feature view '" + view.name() + "' has no batch source to materialize from"));
  }

  private ViewSummary materialize(
      Plan plan, Start from, Instant end, OnlineStore store, MaterializationProgress progress) {
    Instant began = Instant.now();
    Instant start = from.at();
    FeatureViewSpec view = plan.view();
    FileSourceSpec source = plan.source();
    if (engine != null) {
      return materializeOnEngine(plan, from, end, store, progress, began);
    }
    List<String> keys =
        view.joinKeys().stream().map(JoinKeySpec::name).map(source::columnFor).toList();
    ParquetSource.Counts counts = plan.parquet().count(keys, source.timestampField(), start, end);
    progress.started(view.name(), start, from.why(), counts.approximateEntities());

    // DuckDB produces rows on this thread while the writer's thread sends the previous batches.
    try (BatchedWriter writer = new BatchedWriter(store, view, progress)) {
      plan.parquet()
          .forEachLatest(
              plan.columns(),
              keys,
              source.timestampField(),
              source.createdTimestampColumn(),
              start,
              end,
              record -> writer.add(plan.materializer().toRow(record)));
      WriteResult total = writer.finish();
      registryStore.recordInterval(view.name(), store.identity(), new Interval(start, end));
      ViewSummary summary =
          new ViewSummary(
              view.name(),
              start,
              end,
              counts.records(),
              writer.added(),
              total.written(),
              total.skippedAsOlder(),
              Duration.between(began, Instant.now()),
              counts.records() == 0 ? whyNothing(plan, start, end) : "");
      progress.finished(summary);
      return summary;
    }
  }

  /** A view's run on the engine; its interval recorded only once the engine wrote every row. */
  private ViewSummary materializeOnEngine(
      Plan plan,
      Start from,
      Instant end,
      OnlineStore store,
      MaterializationProgress progress,
      Instant began) {
    FeatureViewSpec view = plan.view();
    // The engine counts entities as it writes; asking first would cost a pass over the source.
    progress.started(view.name(), from.at(), from.why(), -1);
    LatestRowsWriter.Written written = engine.write(view, plan.source(), from.at(), end, store);
    progress.advanced(view.name(), written.entities());
    registryStore.recordInterval(view.name(), store.identity(), new Interval(from.at(), end));
    ViewSummary summary =
        new ViewSummary(
            view.name(),
            from.at(),
            end,
            written.records(),
            written.entities(),
            written.written(),
            written.skippedAsOlder(),
            Duration.between(began, Instant.now()),
            written.records() == 0 ? "no rows of the source in the interval" : "");
    progress.finished(summary);
    return summary;
  }

  /** Which rows the interval (and with it the view's ttl) left out, when it read none. */
  private static String whyNothing(Plan plan, Instant start, Instant end) {
    Instant[] range = plan.parquet().timeRange(plan.source().timestampField());
    if (range == null) {
      return "the source has no rows";
    }
    String rows = "the source's rows are from " + range[0] + " to " + range[1];
    if (range[1].isBefore(start)) {
      return rows
          + ", all before the start"
          + (plan.view().ttl().isZero()
              ? ""
              : " (the view's ttl is " + Durations.format(plan.view().ttl()) + ")");
    }
    if (range[0].isAfter(end)) {
      return rows + ", all after the end";
    }
    return rows + ", none of them in the interval with its entity keys set";
  }
}
