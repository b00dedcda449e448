package dev.freshet.sample;

import dev.freshet.runtime.registry.RegistryFactory;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.testing.TestRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * For a test's server whose UI must show definitions the sample does not have: a registry whose
 * description ({@value FeatureRegistry#JSON_RESOURCE}, which the UI draws every page from) is the
 * file the property {@value #DESCRIPTION} names, in the processor's format.
 *
 * <p>The server reads a registry's description from its class's class loader, and this module's
 * class path holds the sample's; so the registry is a proxy defined in a class loader of its own
 * that answers the description with that file (and everything else as its parent does). Its specs
 * are empty: only the UI's pages read the description, and a test with this registry opens only
 * pages drawn from it (the lineage), with bootstrap off so that nothing is applied.
 */
@Factory
@Requires(property = DescribedRegistryFactory.DESCRIPTION)
public class DescribedRegistryFactory {
  static final String DESCRIPTION = "freshet.test.registry-description";

  @Singleton
  @Replaces(value = FeatureRegistry.class, factory = RegistryFactory.class)
  FeatureRegistry describedRegistry(@Property(name = DESCRIPTION) String description)
      throws MalformedURLException {
    URL file = Path.of(description).toUri().toURL();
    ClassLoader describing =
        new ClassLoader(FeatureRegistry.class.getClassLoader()) {
          @Override
          public URL getResource(String name) {
            return FeatureRegistry.JSON_RESOURCE.equals(name) ? file : super.getResource(name);
          }
        };
    FeatureRegistry specs = new TestRegistry(List.of(), List.of());
    return (FeatureRegistry)
        Proxy.newProxyInstance(
            describing,
            new Class<?>[] {FeatureRegistry.class},
            (proxy, method, arguments) -> {
              try {
                return method.invoke(specs, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
