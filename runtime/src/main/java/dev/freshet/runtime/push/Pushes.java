package dev.freshet.runtime.push;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.offline.OfflineAppender;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /push}: rows for the views fed by a push source, to the online store, the offline
 * store (a new file beside the batch source) or both. The whole request is checked and typed before
 * anything is written; then the offline file is written hidden, the online rows newest-wins, and
 * only then is the file made visible: a push that fails changes nothing offline.
 */
@Singleton
public class Pushes {
  private final FeatureRegistry registry;
  private final BeanProvider<OnlineStore> store;
  private final int maxRows;
  private final FreshetConfig config;

  public Pushes(
      FeatureRegistry registry,
      BeanProvider<OnlineStore> store,
      ServingConfig serving,
      FreshetConfig config) {
    this.registry = registry;
    this.store = store;
    this.maxRows = serving.getMaxEntityRows();
    this.config = config;
  }

  public void handle(byte[] body) {
    PushRequest push = PushRequest.parse(body, registry, maxRows);
    Map<FeatureViewSpec, List<PushedRow>> online = new LinkedHashMap<>();
    for (FeatureViewSpec view : registry.featureViews()) {
      if (view.source().equals(push.source().name())) {
        online.put(view, OnlineRows.of(view, push));
      }
    }
    OfflineRows offline =
        push.offline() ? OfflineRows.of(push, config.resolve(push.batch().path()), registry) : null;
    try (OfflineAppender.Pending pending =
        offline == null
            ? null
            : OfflineAppender.prepare(
                offline.path(), offline.schema(), offline.columns(), offline.rows())) {
      if (push.online()) {
        OnlineStore onlineStore = store.get();
        online.forEach(onlineStore::write);
      }
      if (pending != null) {
        pending.commit();
      }
    }
  }
}
