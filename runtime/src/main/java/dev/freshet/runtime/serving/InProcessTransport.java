package dev.freshet.runtime.serving;

import dev.freshet.client.FeatureClientException;
import dev.freshet.client.FeatureRef;
import dev.freshet.client.FeatureTransport;
import dev.freshet.client.OnlineRequest;
import dev.freshet.client.OnlineResponse;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.serving.ServingIndex.Feature;
import dev.freshet.spec.FeatureRegistry;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed clients reading the configured online store directly, in this process: the same lookup as
 * the HTTP API, without HTTP or JSON. {@code
 * ModelV1Client.over(context.getBean(InProcessTransport.class))}.
 */
@Singleton
public class InProcessTransport implements FeatureTransport {
  private final ServingIndex index;
  private final ServedStore store;
  private final OnDemandReads onDemand;

  public InProcessTransport(ServingIndex index, ServedStore store, FeatureRegistry registry) {
    this.index = index;
    this.store = store;
    this.onDemand = new OnDemandReads(registry, index);
  }

  @Override
  public OnlineResponse read(OnlineRequest request) {
    try {
      List<Feature> features = new ArrayList<>(request.features().size());
      for (FeatureRef ref : request.features()) {
        features.add(index.feature(ref.reference()));
      }
      Map<String, List<Object>> entities = new LinkedHashMap<>();
      request.entities().forEach((key, values) -> entities.put(key, new ArrayList<>(values)));
      List<Feature> lookups = onDemand.lookups(features);
      int rows = request.rowCount();
      return new OnlineResponse(
          onDemand.columns(
              features,
              lookups,
              OnlineLookup.lookup(store.get(), lookups, entities, rows, Instant.now()),
              entities,
              rows));
    } catch (RequestException | OnlineStoreException e) {
      throw new FeatureClientException(e.getMessage(), e);
    }
  }
}
