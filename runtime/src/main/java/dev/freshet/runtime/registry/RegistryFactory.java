package dev.freshet.runtime.registry;

import dev.freshet.spec.FeatureRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Provides the repository's generated registry, found through ServiceLoader, not by scanning. */
@Factory
public class RegistryFactory {

  @Singleton
  FeatureRegistry featureRegistry() {
    return FeatureRegistry.load(Thread.currentThread().getContextClassLoader());
  }
}
