package dev.freshet.runtime.server;

/**
 * A transport served beside HTTP by the same process, roles and tokens (gRPC, {@code server/grpc}):
 * a bean, present when its configuration asks for it, that {@link FeatureServer} starts once HTTP
 * listens and stops before HTTP stops. It lives below the server's bootstrap, so that the bootstrap
 * never imports a transport's package.
 */
public interface SideTransport extends AutoCloseable {
  /** Listens; a port in use is an {@link IllegalArgumentException} that says so in one line. */
  void start();

  /** The port it listens on, once started. */
  int port();

  /** What it serves where, for the start's report: {@code gRPC on port 6570}. */
  String describe();

  @Override
  void close();
}
