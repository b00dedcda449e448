package dev.freshet.runtime.server;

import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.serving.OnlineFeatures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /get-online-features} in a Netty handler of its own, ahead of Micronaut's
 * routing, on each HTTP/1.1 connection of a server that serves reads. Micronaut's request lifecycle
 * (route matching, filters, argument binding, response encoding) cost more CPU per 1-entity request
 * than the read itself (docs/BENCHMARKS.md, fifth round); this path does only what the endpoint
 * needs, and keeps what Micronaut's gave it: {@link AccessRules}, the same JSON errors and statuses
 * as {@link ErrorResponses}, {@code http.server.requests} with Micronaut's tags, the request size
 * limit, keep-alive, and the order of pipelined responses.
 *
 * <p>Whatever it does not take for certain (another endpoint, a chunked or compressed body, {@code
 * Expect}, a request while one Micronaut handles is unanswered) goes on to Micronaut unchanged.
 * {@code freshet.serving.direct-reads: false} sends every request there.
 */
@Singleton
public class DirectOnlineFeatures
    implements BeanCreatedEventListener<NettyServerCustomizer.Registry>,
        OnlineFeaturesHandler.Endpoint {
  static final String PATH = "/get-online-features";
  private static final Logger LOG = LoggerFactory.getLogger(DirectOnlineFeatures.class);

  /**
   * Micronaut's handler of every request; ours goes just before it, after the access logger if any.
   */
  private static final String MICRONAUT_HANDLER = "micronaut-inbound-handler";

  private final OnlineFeatures onlineFeatures;
  private final AccessRules access;
  private final MeterRegistry meters;
  private final boolean enabled;
  private final boolean recordRequests;
  private final long maxRequestSize;
  private final boolean dateHeader;

  /**
   * {@code http.server.requests} per status and exception, as Micronaut's metrics filter tags them.
   */
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

  public DirectOnlineFeatures(
      OnlineFeatures onlineFeatures,
      AccessRules access,
      MeterRegistry meters,
      ServingConfig serving,
      HttpServerConfiguration server,
      @Value("${micronaut.metrics.enabled:true}") boolean metrics,
      @Value("${micronaut.metrics.binders.web.enabled:true}") boolean webMetrics) {
    this.onlineFeatures = onlineFeatures;
    this.access = access;
    this.meters = meters;
    // Micronaut keeps every request where its configuration changes what a read's response is:
    // HTTP/2 (other pipelines), a context path (other URIs) and CORS (headers of its filter).
    this.enabled =
        serving.isDirectReads()
            && (serving.getRole() == ServingConfig.Role.ALL
                || serving.getRole() == ServingConfig.Role.READ)
            && server.getHttpVersion() == io.micronaut.http.HttpVersion.HTTP_1_1
            && (server.getContextPath() == null
                || server.getContextPath().isEmpty()
                || server.getContextPath().equals("/"))
            && !server.getCors().isEnabled();
    this.dateHeader = server.isDateHeader();
    this.recordRequests = metrics && webMetrics;
    this.maxRequestSize = server.getMaxRequestSize();
  }

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    NettyServerCustomizer.Registry registry = event.getBean();
    if (enabled) {
      registry.register(new OnEachConnection(this::install));
    }
    return registry;
  }

  /** Puts the read handler on each HTTP/1 connection's pipeline once Micronaut has built it. */
  private void install(Channel connection) {
    ChannelPipeline pipeline = connection.pipeline();
    if (pipeline.get(MICRONAUT_HANDLER) != null) {
      // Ahead of the out-of-memory handler too, whichever of us Micronaut calls first, so that
      // what this handler raises passes it on the way to Micronaut's.
      pipeline.addBefore(
          pipeline.get(ServerGuards.OUT_OF_MEMORY) != null
              ? ServerGuards.OUT_OF_MEMORY
              : MICRONAUT_HANDLER,
          "freshet-online-features",
          new OnlineFeaturesHandler(this, maxRequestSize, dateHeader));
    }
  }

  /**
   * The response to one request's body, as Micronaut's controller and error handlers would give it:
   * the features, or the refusal or error as JSON.
   */
  @Override
  public FullHttpResponse answer(
      HttpVersion version, byte[] body, String authorization, ByteBuf buffer) {
    long started = System.nanoTime();
    int status;
    String exception = "none";
    ByteBuf content;
    AccessRules.Refusal refusal = access.check(AccessRules.Access.READ, PATH, authorization);
    if (refusal != null) {
      buffer.release();
      status = refusal.kind().status();
      content = Unpooled.wrappedBuffer(ErrorResponses.body(refusal.kind(), refusal.message()));
    } else {
      try {
        onlineFeatures.handle(body, new ByteBufOutputStream(buffer));
        status = 200;
        content = buffer;
      } catch (RuntimeException | Error e) {
        // Errors too (a class the store needs that fails to load, say): Micronaut's path answers
        // them with a 500, and left to Netty they would close the connection unanswered.
        OutOfMemory.haltIfOutOfMemory(e);
        buffer.release();
        ErrorMapping.Answer answer = ErrorMapping.of(e);
        if (answer.kind() == ErrorKind.INTERNAL_ERROR) {
          LOG.error("POST {} failed", PATH, e);
        } else if (answer.isFault()) {
          LOG.warn("POST {}: {}", PATH, e.getMessage());
        }
        status = answer.kind().status();
        exception = e.getClass().getSimpleName();
        content = Unpooled.wrappedBuffer(ErrorResponses.body(answer.kind(), answer.message()));
      }
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(status), content);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    if (recordRequests) {
      requestTimer(status, exception).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
    return response;
  }

  private Timer requestTimer(int status, String exception) {
    return requestTimers.computeIfAbsent(
        status + " " + exception,
        key ->
            Timer.builder("http.server.requests")
                .tag("method", "POST")
                .tag("status", Integer.toString(status))
                // Micronaut's filter tags every 404 so, whatever the path, to bound the tag's
                // values.
                .tag("uri", status == 404 ? "NOT_FOUND" : PATH)
                .tag("exception", exception)
                .register(meters));
  }
}
