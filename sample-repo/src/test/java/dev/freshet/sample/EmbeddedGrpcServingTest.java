package dev.freshet.sample;

import java.util.Map;

/** gRPC on the default embedded store: the server applies and materializes when it starts. */
class EmbeddedGrpcServingTest extends GrpcServingContract {
  @Override
  Map<String, Object> storeProperties() {
    return Map.of("freshet.online-store.type", "embedded");
  }
}
