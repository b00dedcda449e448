package dev.freshet.runtime.online;

import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The online store with the on-demand views marked {@code writeToOnlineStore}: every write of a
 * view they read (push, materialization, stream window, gRPC write) also writes their outputs,
 * computed from the same rows by the generated transform, under their own name. The outputs are
 * computed before anything is written, so a transform that throws leaves the store as it was.
 */
public final class WriteTimeViews implements OnlineStore {
  /** A write-time view and the stored view its outputs go to. */
  private record Derived(OnDemandFeatureViewSpec view, FeatureViewSpec storedAs) {}

  private record Row(
      List<Object> joinKeyValues,
      Instant eventTimestamp,
      Instant createdTimestamp,
      List<Object> featureValues)
      implements FeatureRow {}

  private final OnlineStore store;
  private final Map<String, List<Derived>> byInput = new HashMap<>();

  private WriteTimeViews(OnlineStore store, FeatureRegistry registry) {
    this.store = store;
    for (OnDemandFeatureViewSpec view : registry.onDemandFeatureViews()) {
      if (view.writeToOnlineStore()) {
        FeatureViewSpec input = registry.featureView(view.inputViews().get(0)).orElseThrow();
        byInput
            .computeIfAbsent(input.name(), name -> new ArrayList<>())
            .add(new Derived(view, view.storedAs(input)));
      }
    }
  }

  /** {@code store} itself when the registry has no write-time views. */
  public static OnlineStore over(OnlineStore store, FeatureRegistry registry) {
    WriteTimeViews views = new WriteTimeViews(store, registry);
    return views.byInput.isEmpty() ? store : views;
  }

  @Override
  public List<List<StoredRow>> read(List<ViewRead> reads) {
    return store.read(reads);
  }

  @Override
  public WriteResult write(FeatureViewSpec view, List<? extends FeatureRow> rows, Ties ties) {
    List<Derived> derived = byInput.getOrDefault(view.name(), List.of());
    List<List<FeatureRow>> computed = new ArrayList<>(derived.size());
    for (Derived d : derived) {
      computed.add(compute(d.view(), rows));
    }
    WriteResult result = store.write(view, rows, ties);
    for (int i = 0; i < derived.size(); i++) {
      store.write(derived.get(i).storedAs(), computed.get(i), ties);
    }
    return result;
  }

  private static List<FeatureRow> compute(
      OnDemandFeatureViewSpec view, List<? extends FeatureRow> rows) {
    List<FeatureRow> computed = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      FeatureRow row = rows.get(i);
      List<Object> outputs;
      try {
        outputs = view.transform().apply(List.of(row.featureValues()));
      } catch (RuntimeException e) {
        throw new RequestException(
            ErrorKind.TRANSFORM_FAILED,
            view.transformFailed(e)
                + " on row "
                + i
                + " (join keys "
                + row.joinKeyValues()
                + ", event time "
                + row.eventTimestamp()
                + "); nothing was written");
      }
      computed.add(
          new Row(row.joinKeyValues(), row.eventTimestamp(), row.createdTimestamp(), outputs));
    }
    return computed;
  }

  @Override
  public void deleteView(FeatureViewSpec view) {
    store.deleteView(view);
    for (Derived d : byInput.getOrDefault(view.name(), List.of())) {
      store.deleteView(d.storedAs());
    }
  }

  @Override
  public void ping() {
    store.ping();
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
    store.close();
  }
}
