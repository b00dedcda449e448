package dev.freshet.runtime.push;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.offline.OfflineAppender;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.Suggestions;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /push}: rows for the views fed by a push source, to the online store, the offline
 * store (a new file beside the batch source) or both. The whole request is checked and typed before
 * anything is written; then the offline file is written hidden, the online rows newest-wins, and
 * only then is the file made visible: a push that fails changes nothing offline. Also Feast's write
 * of one view's rows online, past its sources.
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

  /**
   * Feast's {@code WriteToOnlineStore}: rows of the feature view {@code viewName}, written online
   * as a push to it would be (checked and typed as a whole first, newest-wins), whatever its
   * source.
   */
  public void writeToOnlineStore(String viewName, byte[] body) {
    FeatureViewSpec view =
        registry
            .featureView(viewName)
            .orElseThrow(
                () ->
                    new RequestException(
                        ErrorKind.FEATURE_VIEW_NOT_FOUND,
                        Suggestions.doesNotExist(
                            "feature view", viewName, registry.featureViewNames())));
    if (!view.online()) {
      throw RequestException.malformed(
          "feature view '" + viewName + "' is not served online (online = false)");
    }
    List<PushedRow> rows = OnlineRows.of(view, PushRequest.toView(body, view, registry, maxRows));
    store.get().write(view, rows);
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
