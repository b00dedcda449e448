package dev.freshet.client;

import dev.freshet.client.http.RemoteTransport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The transport to a feature server named by a URI, chosen by its scheme: {@code http} and {@code
 * https} are this module's ({@link RemoteTransport}); any other scheme is served by the {@link
 * RemoteTransportFactory} on the class path that declares it (the runtime's {@code grpc}, Feast's
 * gRPC API). Behind the generated clients' {@code remote(URI)}.
 */
public final class RemoteTransports {
  private RemoteTransports() {}

  /**
   * A transport to {@code server}, e.g. {@code http://features:6566} or {@code
   * grpc://features:6570}.
   *
   * @throws IllegalArgumentException when no transport on the class path serves the URI's scheme
   */
  public static FeatureTransport of(URI server) {
    String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase();
    if (scheme.equals("http") || scheme.equals("https")) {
      return RemoteTransport.of(server);
    }
    List<String> known = new ArrayList<>(List.of("http", "https"));
    for (RemoteTransportFactory factory :
        ServiceLoader.load(RemoteTransportFactory.class, RemoteTransports.class.getClassLoader())) {
      if (factory.scheme().equals(scheme)) {
        return factory.open(server);
      }
      known.add(factory.scheme());
    }
    throw new IllegalArgumentException(
        "no transport for "
            + server
            + ": the class path has transports for "
            + String.join(", ", known)
            + (scheme.equals("grpc") ? " (grpc:// is freshet-runtime's)" : ""));
  }
}
