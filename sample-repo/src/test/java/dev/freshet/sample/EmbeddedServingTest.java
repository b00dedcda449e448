package dev.freshet.sample;

import java.util.Map;

/** The server on the default embedded store: it applies and materializes when it starts. */
class EmbeddedServingTest extends ServingContract {
  @Override
  Map<String, Object> storeProperties() {
    return Map.of("freshet.online-store.type", "embedded");
  }
}
