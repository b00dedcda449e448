package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code freshet.grpc.*}: Feast's gRPC API beside HTTP (docs/grpc-api.md). */
@ConfigurationProperties("freshet.grpc")
public class GrpcConfig {
  /** Feast's own servers take 6566, which Freshet's HTTP API has; gRPC gets the next free one. */
  public static final int DEFAULT_PORT = 6570;

  /** As many as the HTTP API's event loops, for the same reason: reads wait there for the store. */
  public static final int DEFAULT_EVENT_LOOP_THREADS = 8;

  private boolean enabled;
  private int port = DEFAULT_PORT;
  private int eventLoopThreads = DEFAULT_EVENT_LOOP_THREADS;

  /** Whether {@code serve} answers Feast's gRPC API as well as HTTP; off unless set. */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The gRPC port; 0 or less for a random free one. */
  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  /**
   * The gRPC server's event-loop threads, on which reads are answered and wait for the store (as
   * HTTP's are on Micronaut's): at most this many gRPC reads in flight.
   */
  public int getEventLoopThreads() {
    return eventLoopThreads;
  }

  public void setEventLoopThreads(int eventLoopThreads) {
    this.eventLoopThreads = eventLoopThreads;
  }
}
