package dev.freshet.runtime.server.grpc;

import dev.freshet.runtime.config.GrpcConfig;
import dev.freshet.runtime.push.Pushes;
import dev.freshet.runtime.server.AccessRules;
import dev.freshet.runtime.server.SideTransport;
import dev.freshet.runtime.serving.OnlineFeatures;
import dev.freshet.runtime.serving.ServedStore;
import dev.freshet.runtime.serving.ServingIndex;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Feast's gRPC API on {@code freshet.grpc.port} (6570), when {@code freshet.grpc.enabled}: both
 * services behind {@link GrpcAccess}, requests up to {@code micronaut.server.max-request-size} as
 * over HTTP (larger ones are RESOURCE_EXHAUSTED); server reflection (v1) and the standard health
 * service ({@link GrpcHealth}), open as {@code /health} is.
 */
@Singleton
@Requires(property = "freshet.grpc.enabled", value = "true")
public class GrpcTransport implements SideTransport {
  private final int port;
  private final Server server;

  public GrpcTransport(
      GrpcConfig config,
      HttpServerConfiguration http,
      AccessRules rules,
      OnlineFeatures onlineFeatures,
      ServingIndex index,
      Pushes pushes,
      ServedStore store,
      MeterRegistry meters) {
    this.port = Math.max(config.getPort(), 0);
    GrpcAccess access = new GrpcAccess(rules);
    GrpcReads reads = new GrpcReads(onlineFeatures, index);
    this.server =
        // Built by name rather than found by the ServiceLoader, which a shaded jar may not keep.
        NettyServerBuilder.forPort(port)
            .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, http.getMaxRequestSize()))
            .addService(ServerInterceptors.intercept(new ServingService(reads), access))
            .addService(
                ServerInterceptors.intercept(
                    new FeatureServerService(reads, new GrpcPushes(pushes)), access))
            .addService(new GrpcHealth(store))
            .addService(ProtoReflectionServiceV1.newInstance())
            .intercept(new GrpcMetrics(meters))
            .build();
  }

  @Override
  public void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "gRPC port "
              + port
              + " is already in use: stop what listens there, or give another with"
              + " --grpc-port",
          e);
    }
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public String describe() {
    return "Feast's gRPC API on port " + port();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
