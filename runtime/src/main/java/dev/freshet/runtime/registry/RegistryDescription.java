package dev.freshet.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.spec.FeatureRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The registry's JSON description, as the processor wrote it into the jar beside the registry. */
public final class RegistryDescription {
  private RegistryDescription() {}

  /** The description of {@code registry}, or empty when its jar has none. */
  public static Optional<ObjectNode> of(FeatureRegistry registry) {
    try (InputStream in =
        registry.getClass().getClassLoader().getResourceAsStream(FeatureRegistry.JSON_RESOURCE)) {
      return in == null
          ? Optional.empty()
          : Optional.of((ObjectNode) new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
