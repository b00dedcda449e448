package dev.freshet.runtime.server;

import dev.freshet.runtime.config.ServingConfig;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Puts a {@link RequestGate} right after the HTTP codec of every HTTP/1 connection, ahead of
 * decompression, Freshet's read handler and Micronaut's routing, and counts each connection against
 * the {@link ConnectionLimit}; and an {@link OutOfMemory.PipelineHandler} right before Micronaut's
 * inbound handler, after every other handler ({@link DirectOnlineFeatures} puts its read handler
 * ahead of it whichever of the two installs first).
 */
@Singleton
public class ServerGuards implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  static final String OUT_OF_MEMORY = "freshet-out-of-memory";

  private final DecodingBudget budget;
  private final ConnectionLimit connections;
  private final long maxRequestSize;
  private final OutOfMemory.PipelineHandler outOfMemory =
      new OutOfMemory.PipelineHandler(OutOfMemory::halt);

  public ServerGuards(ServingConfig serving, HttpServerConfiguration server) {
    this.maxRequestSize = server.getMaxRequestSize();
    this.budget =
        new DecodingBudget(
            serving.getMaxDecodingBytes() > 0
                ? serving.getMaxDecodingBytes()
                : DecodingBudget.defaultLimit(maxRequestSize));
    this.connections =
        new ConnectionLimit(
            serving.getMaxConnections() > 0
                ? serving.getMaxConnections()
                : ConnectionLimit.defaultMax());
  }

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    NettyServerCustomizer.Registry registry = event.getBean();
    registry.register(new OnEachConnection(this::install));
    return registry;
  }

  /** The budget and the limit in force, for the server's start-up line and the docs. */
  long decodingBytes() {
    return budget.limit();
  }

  int maxConnections() {
    return connections.max();
  }

  /**
   * Puts the gate after the HTTP codec of each connection once Micronaut has built it, and the
   * out-of-memory handler before Micronaut's inbound handler.
   */
  private void install(Channel connection) {
    ChannelPipeline pipeline = connection.pipeline();
    if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
        && pipeline.get(OUT_OF_MEMORY) == null) {
      pipeline.addBefore(
          ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, OUT_OF_MEMORY, outOfMemory);
    }
    if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
        && pipeline.get("freshet-gate") == null) {
      RequestGate gate = new RequestGate(budget, maxRequestSize, connections);
      pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "freshet-gate", gate);
      connections.opened(connection, gate);
    }
  }
}
