package dev.freshet.runtime.server;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The server side of every connection a test's server accepts, to look at its pipeline. */
@Singleton
@Requires(property = ConnectionPipelines.ENABLED, value = "true")
public class ConnectionPipelines
    implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  static final String ENABLED = "freshet.test.connection-pipelines";

  private final List<Channel> connections = new CopyOnWriteArrayList<>();

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new OnEachConnection(connections::add));
    return event.getBean();
  }

  List<Channel> connections() {
    return connections;
  }
}
