package dev.freshet.runtime.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.RegistryConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.registry.Interval;
import dev.freshet.runtime.registry.RegistryDescription;
import dev.freshet.runtime.registry.RegistryStore;
import dev.freshet.runtime.server.AccessRules.Access;
import dev.freshet.runtime.server.Guarded;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * What the UI shows that no other endpoint says: the server's identity ({@code /ui/api/overview})
 * and the definitions as the jar holds them, with each view's last materialized interval in this
 * server's online store ({@code /ui/api/definitions}). Freshness and values come from {@code
 * /schedules}, {@code /metrics}, {@code /health} and {@code /get-online-features} themselves.
 */
@Controller("/ui/api")
public class UiDataController {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FeatureRegistry registry;
  private final RegistryStore registryStore;
  private final BeanProvider<OnlineStore> onlineStore;
  private final FreshetConfig freshet;
  private final RegistryConfig registryConfig;
  private final ServingConfig serving;

  /** Read once: it is in the jar and does not change while the server runs. */
  private final ObjectNode description;

  public UiDataController(
      FeatureRegistry registry,
      RegistryStore registryStore,
      BeanProvider<OnlineStore> onlineStore,
      FreshetConfig freshet,
      RegistryConfig registryConfig,
      ServingConfig serving) {
    this.registry = registry;
    this.registryStore = registryStore;
    this.onlineStore = onlineStore;
    this.freshet = freshet;
    this.registryConfig = registryConfig;
    this.serving = serving;
    this.description = RegistryDescription.of(registry).orElseGet(JSON::createObjectNode);
  }

  @Guarded(Access.READ)
  @Get(uri = "/overview", produces = MediaType.APPLICATION_JSON)
  public ObjectNode overview() {
    ObjectNode overview = JSON.createObjectNode();
    overview.put("project", freshet.getProject());
    overview.put("online_store", onlineStore.get().describe());
    overview.put("registry", registryConfig.getType().name().toLowerCase(java.util.Locale.ROOT));
    overview.put("role", serving.getRole().name().toLowerCase(java.util.Locale.ROOT));
    overview.put(
        "version",
        Optional.ofNullable(UiDataController.class.getPackage().getImplementationVersion())
            .orElse("development build"));
    ObjectNode counts = overview.putObject("counts");
    counts.put("entities", registry.entities().size());
    counts.put("data_sources", registry.dataSources().size());
    counts.put("feature_views", registry.featureViews().size());
    counts.put("stream_feature_views", registry.streamFeatureViews().size());
    counts.put("on_demand_feature_views", registry.onDemandFeatureViews().size());
    counts.put("feature_services", registry.featureServices().size());
    return overview;
  }

  @Guarded(Access.READ)
  @Get(uri = "/definitions", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<ObjectNode> definitions() {
    ObjectNode definitions = description.deepCopy();
    ObjectNode materialized = definitions.putObject("materialized");
    String store = onlineStore.get().identity();
    for (FeatureViewSpec view : registry.featureViews()) {
      Optional<Interval> last = registryStore.lastInterval(view.name(), store);
      if (last.isPresent()) {
        ObjectNode interval = materialized.putObject(view.name());
        interval.put("start", last.get().start().toString());
        interval.put("end", last.get().end().toString());
      }
    }
    return HttpResponse.ok(definitions);
  }
}
