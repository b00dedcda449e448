package dev.freshet.runtime.server;

import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import io.micronaut.context.BeanProvider;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * {@code /health} is UP when the online store answers a ping within its read timeout, DOWN (503)
 * otherwise, and at once while the store is known to be down.
 */
@Singleton
public class OnlineStoreHealth extends AbstractHealthIndicator<Map<String, String>> {
  private final BeanProvider<OnlineStore> store;

  public OnlineStoreHealth(BeanProvider<OnlineStore> store) {
    this.store = store;
  }

  @Override
  protected Map<String, String> getHealthInformation() {
    OnlineStore online = store.get();
    try {
      online.ping();
      healthStatus = HealthStatus.UP;
      return Map.of("store", online.describe());
    } catch (OnlineStoreException e) {
      healthStatus = HealthStatus.DOWN;
      return Map.of("store", online.describe(), "error", e.getMessage());
    }
  }

  @Override
  protected String getName() {
    return "onlineStore";
  }
}
