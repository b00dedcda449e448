package dev.freshet.client;

import java.net.URI;

/**
 * Opens transports for one URI scheme, found by {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.freshet.client.RemoteTransportFactory}) so that {@link RemoteTransports}
 * can offer a scheme whose client libraries this module does not depend on.
 */
public interface RemoteTransportFactory {
  /** The scheme served, in lower case, e.g. {@code grpc}. */
  String scheme();

  /** A transport to {@code server}, a URI of this factory's scheme. */
  FeatureTransport open(URI server);
}
