package dev.freshet.runtime.serving;

import dev.freshet.client.FeatureClientException;
import dev.freshet.client.FeatureRef;
import dev.freshet.client.FeatureTransport;
import dev.freshet.client.OnlineRequest;
import dev.freshet.client.OnlineResponse;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.serving.ServingIndex.Feature;
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

  public InProcessTransport(ServingIndex index, ServedStore store) {
    this.index = index;
    this.store = store;
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
      return new OnlineResponse(
          OnlineLookup.lookup(store.get(), features, entities, request.rowCount(), Instant.now()));
    } catch (RequestException | OnlineStoreException e) {
      throw new FeatureClientException(e.getMessage(), e);
    }
  }
}
