package dev.freshet.runtime.registry;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.RegistryConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Opens the configured registry store. */
@Factory
public class RegistryStoreFactory {

  @Singleton
  @Bean(preDestroy = "close")
  RegistryStore registryStore(FreshetConfig freshet, RegistryConfig config) {
    return switch (config.getType()) {
      case FILE -> new FileRegistryStore(freshet.resolve(config.getPath()), freshet.getProject());
      case SQL ->
          new SqlRegistryStore(
              config.getUrl(), config.getUsername(), config.getPassword(), freshet.getProject());
    };
  }
}
