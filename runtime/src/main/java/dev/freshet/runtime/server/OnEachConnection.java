package dev.freshet.runtime.server;

import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import java.util.function.Consumer;

/**
 * A Micronaut server customizer that hands each connection's channel to {@code install} once
 * Micronaut has built its pipeline: where Freshet adds its own handlers to a connection.
 */
final class OnEachConnection implements NettyServerCustomizer {
  private final Consumer<Channel> install;
  private final Channel connection;

  OnEachConnection(Consumer<Channel> install) {
    this(install, null);
  }

  private OnEachConnection(Consumer<Channel> install, Channel connection) {
    this.install = install;
    this.connection = connection;
  }

  @Override
  public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
    return role == ChannelRole.CONNECTION ? new OnEachConnection(install, channel) : this;
  }

  @Override
  public void onStreamPipelineBuilt() {
    if (connection != null) {
      install.accept(connection);
    }
  }
}
