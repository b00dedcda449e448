package dev.freshet.runtime.client;

import dev.freshet.client.FeatureTransport;
import dev.freshet.client.RemoteTransportFactory;
import dev.freshet.runtime.config.GrpcConfig;
import java.net.URI;

/**
 * {@code grpc://host[:port]} for the generated clients' {@code remote(URI)}: a {@link
 * GrpcRemoteTransport} with a plaintext channel of its own, to the server's gRPC port (6570 when
 * the URI names none). Its channel is never closed, and its threads are daemons that do not keep
 * the JVM running; to close the channel, or for TLS and tokens, build the transport with {@link
 * GrpcRemoteTransport#of}.
 */
public final class GrpcTransportFactory implements RemoteTransportFactory {
  @Override
  public String scheme() {
    return "grpc";
  }

  @Override
  public FeatureTransport open(URI server) {
    if (server.getHost() == null
        || (server.getRawPath() != null && !server.getRawPath().isEmpty())
        || server.getRawQuery() != null) {
      throw new IllegalArgumentException(
          server
              + " is not a gRPC server's address; write grpc://host:port, e.g. grpc://localhost:6570");
    }
    return GrpcRemoteTransport.of(
        server.getHost(), server.getPort() < 0 ? GrpcConfig.DEFAULT_PORT : server.getPort());
  }
}
