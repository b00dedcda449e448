package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Materialization into the default embedded store, under the repository's data directory. */
class EmbeddedMaterializationTest extends MaterializationContract {

  @Override
  Map<String, String> storeProperties() {
    return Map.of("freshet.online-store.type", "embedded");
  }

  @Override
  OnlineStore openStore() {
    return EmbeddedOnlineStore.open(repo.resolve("data/online_store"), "driver_churn");
  }

  @Test
  void theStoreAndTheRegistryLiveUnderTheRepository() {
    run("apply");
    run("materialize-incremental", "2022-03-15");
    assertThat(repo.resolve("data/online_store")).isDirectory();
    assertThat(repo.resolve("data/registry.json"))
        .content()
        .contains("\"feature_view/driver_hourly_stats\"");
  }
}
