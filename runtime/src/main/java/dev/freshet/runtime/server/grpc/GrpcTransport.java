package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.serving.GrpcFeatureServerGrpc;
import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import dev.freshet.runtime.config.GrpcConfig;
import dev.freshet.runtime.push.Pushes;
import dev.freshet.runtime.server.AccessRules;
import dev.freshet.runtime.server.SideTransport;
import dev.freshet.runtime.serving.OnlineFeatures;
import dev.freshet.runtime.serving.ServedStore;
import dev.freshet.runtime.serving.ServingIndex;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.IoHandlerFactory;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.ServerChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feast's gRPC API on {@code freshet.grpc.port} (6570), when {@code freshet.grpc.enabled}: both
 * services behind {@link GrpcAccess}, requests up to {@code micronaut.server.max-request-size} as
 * over HTTP (larger ones are RESOURCE_EXHAUSTED); server reflection (v1) and the standard health
 * service ({@link GrpcHealth}), open as {@code /health} is.
 *
 * <p>Reads are answered on the server's event loops ({@code freshet.grpc.event-loop-threads}, 8),
 * as HTTP's are on Micronaut's: no hand-over to another thread and back per call, which cost a
 * 1-entity read over gRPC more than twice the server CPU of one over HTTP (docs/BENCHMARKS.md).
 * Everything else (pushes, health, reflection) runs on Micronaut's blocking executor, as {@code
 * /push} does.
 */
@Singleton
@Requires(property = "freshet.grpc.enabled", value = "true")
public class GrpcTransport implements SideTransport {
  /** The methods answered on the event loop: reads, and the version, which waits for nothing. */
  private static final Set<String> ON_THE_EVENT_LOOP =
      Set.of(
          ServingServiceGrpc.getGetOnlineFeaturesMethod().getFullMethodName(),
          GrpcFeatureServerGrpc.getGetOnlineFeaturesMethod().getFullMethodName(),
          ServingServiceGrpc.getGetFeastServingInfoMethod().getFullMethodName());

  private final int port;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Server server;

  public GrpcTransport(
      GrpcConfig config,
      HttpServerConfiguration http,
      AccessRules rules,
      OnlineFeatures onlineFeatures,
      ServingIndex index,
      Pushes pushes,
      ServedStore store,
      MeterRegistry meters,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    if (config.getEventLoopThreads() < 1) {
      throw new IllegalArgumentException(
          "freshet.grpc.event-loop-threads is "
              + config.getEventLoopThreads()
              + "; give at least 1");
    }
    this.port = Math.max(config.getPort(), 0);
    GrpcAccess access = new GrpcAccess(rules);
    GrpcReads reads = new GrpcReads(onlineFeatures, index);
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channel =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    this.boss =
        new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("freshet-grpc-boss", true), io);
    this.workers =
        new MultiThreadIoEventLoopGroup(
            config.getEventLoopThreads(), new DefaultThreadFactory("freshet-grpc", true), io);
    this.server =
        // Built by name rather than found by the ServiceLoader, which a shaded jar may not keep.
        NettyServerBuilder.forPort(port)
            .channelType(channel)
            .bossEventLoopGroup(boss)
            .workerEventLoopGroup(workers)
            .directExecutor()
            .callExecutor(
                new ServerCallExecutorSupplier() {
                  @Override
                  public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
                    return ON_THE_EVENT_LOOP.contains(
                            call.getMethodDescriptor().getFullMethodName())
                        ? null
                        : blocking;
                  }
                })
            .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, http.getMaxRequestSize()))
            .addService(
                ServerInterceptors.intercept(
                    reads.answeringReads(
                        new ServingService().bindService(),
                        ServingServiceGrpc.getGetOnlineFeaturesMethod()),
                    access))
            .addService(
                ServerInterceptors.intercept(
                    reads.answeringReads(
                        new FeatureServerService(new GrpcPushes(pushes)).bindService(),
                        GrpcFeatureServerGrpc.getGetOnlineFeaturesMethod()),
                    access))
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
      shutDownLoops();
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
    } finally {
      shutDownLoops();
    }
  }

  /** The event loops are ours (given to the builder), so gRPC leaves them running. */
  private void shutDownLoops() {
    boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
  }
}
