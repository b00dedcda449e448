package dev.freshet.runtime.server;

import dev.freshet.runtime.registry.RegistryFactory;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.testing.TestRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A registry with no definitions for a test's server: runtime's own tests have no feature
 * repository compiled onto their class path.
 */
@Factory
@Requires(property = ConnectionPipelines.ENABLED, value = "true")
public class EmptyRegistryFactory {
  @Singleton
  @Replaces(value = FeatureRegistry.class, factory = RegistryFactory.class)
  FeatureRegistry emptyRegistry() {
    return new TestRegistry(List.of(), List.of());
  }
}
