package dev.freshet.runtime.server;

import dev.freshet.runtime.config.GrpcConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.config.SchedulingConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.logging.FeatureLogs;
import dev.freshet.runtime.materialize.MaterializationJob;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.registry.Applier;
import dev.freshet.runtime.registry.Change;
import dev.freshet.runtime.scheduling.MaterializationScheduler;
import dev.freshet.runtime.serving.InProcessTransport;
import dev.freshet.runtime.streaming.StreamIngestion;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.PrintWriter;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A running feature server: an application context of its own (configured with the role and port of
 * {@code serve}) and its HTTP server. Closing it stops both and closes the stores.
 */
public final class FeatureServer implements AutoCloseable {
  /**
   * What a server needs whatever the application's configuration says, at the lowest precedence so
   * that configuration can still change it: Feast's port 6566; idle connections closed after 30 s
   * (Micronaut's 5 minutes let abandoned ones pile up); Prometheus at /metrics (ours, not
   * Micronaut's JSON one), health details, latency histograms per endpoint, and event-loop threads
   * enough to keep the Redis client's 8 pooled connections busy: reads answer on the event loop and
   * wait there for the store, and a 2-core server had only two of them by default, so only two
   * reads in flight (docs/BENCHMARKS.md: 1.7 times the 1-entity throughput with 8). Netty's epoll
   * transport where there is one (Micronaut's default is NIO even then): fewer system calls and
   * less garbage per request (docs/BENCHMARKS.md).
   */
  private static final Map<String, Object> DEFAULTS =
      Map.ofEntries(
          Map.entry("micronaut.server.port", 6566),
          Map.entry("micronaut.server.idle-timeout", "30s"),
          Map.entry("micronaut.netty.event-loops.default.num-threads", 8),
          Map.entry("micronaut.netty.event-loops.default.transport", "epoll,nio"),
          Map.entry("micronaut.server.netty.parent.transport", "epoll,nio"),
          Map.entry("micronaut.metrics.enabled", true),
          Map.entry("micronaut.metrics.export.prometheus.enabled", true),
          Map.entry("micronaut.metrics.export.prometheus.descriptions", true),
          Map.entry("endpoints.metrics.enabled", false),
          Map.entry("endpoints.prometheus.enabled", false),
          Map.entry("endpoints.health.details-visible", "ANONYMOUS"),
          Map.entry("endpoints.all.path", "/"));

  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final List<SideTransport> transports;

  private FeatureServer(
      ApplicationContext context, EmbeddedServer server, List<SideTransport> transports) {
    this.context = context;
    this.server = server;
    this.transports = transports;
  }

  /**
   * Starts a server with {@code properties} over the application's configuration. On the embedded
   * store (and unless {@code freshet.serving.bootstrap} is false) it first applies the definitions
   * and materializes up to now, reporting to {@code out}.
   */
  public static FeatureServer start(
      Map<String, Object> properties, PrintWriter out, MaterializationProgress progress) {
    ApplicationContext context =
        ApplicationContext.builder(FeatureServer.class, Environment.FUNCTION)
            .propertySources(
                PropertySource.of(
                    "freshet-server-defaults",
                    DEFAULTS,
                    PropertySource.PropertyConvention.JAVA_PROPERTIES.ordinal() - 1000))
            .properties(properties)
            .start();
    OutOfMemory.haltOnUncaught();
    StartLeftovers leftovers = null;
    try {
      leftovers = StartLeftovers.noteBefore(context);
      requirePortFree(context);
      // Built now so that a configuration mistake stops the start, not the first request.
      context.getBean(FeatureLogs.class);
      bootstrap(context, out, progress);
      startIngestion(context, out);
      startScheduling(context, out);
      EmbeddedServer http = listen(context);
      return new FeatureServer(context, http, startTransports(context, http, out));
    } catch (RuntimeException e) {
      context.close();
      if (leftovers != null) {
        leftovers.remove();
      }
      throw e;
    }
  }

  /**
   * Refuses a port in use (HTTP's, and gRPC's when it is served) before anything starts: a
   * bootstrap is not run for nothing, and Micronaut does not log its bind failure's stack trace
   * ahead of the one line that says it.
   */
  private static void requirePortFree(ApplicationContext context) {
    int port = context.getProperty("micronaut.server.port", Integer.class).orElse(6566);
    if (port > 0 && !free(port)) { // not a random port
      throw portTaken("port " + port, null);
    }
    GrpcConfig grpc = context.getBean(GrpcConfig.class);
    if (grpc.isEnabled() && grpc.getPort() > 0 && !free(grpc.getPort())) {
      throw new IllegalArgumentException(
          "gRPC port "
              + grpc.getPort()
              + " is already in use: stop what listens there, or give another with --grpc-port");
    }
  }

  private static boolean free(int port) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
      probe.setReuseAddress(true);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static IllegalArgumentException portTaken(String port, Exception cause) {
    return new IllegalArgumentException(
        port + " is already in use: stop what listens there, or give another with --port", cause);
  }

  /** Starts the HTTP server; a port in use is the user's to fix, said in one line. */
  private static EmbeddedServer listen(ApplicationContext context) {
    try {
      return context.getBean(EmbeddedServer.class).start();
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (portInUse(cause)) {
          // Micronaut names the address it could not bind: "Unable to start Micronaut server on
          // *:6566".
          String message = String.valueOf(e.getMessage());
          String port =
              message.contains(":")
                  ? "port " + message.substring(message.lastIndexOf(':') + 1).trim()
                  : "the port";
          throw portTaken(port, e);
        }
      }
      throw e;
    }
  }

  /**
   * NIO says so with a {@code BindException}; the epoll transport with its own {@code IOException}
   * carrying the system's message for EADDRINUSE.
   */
  private static boolean portInUse(Throwable cause) {
    return cause instanceof java.net.BindException
        || (cause instanceof java.io.IOException
            && String.valueOf(cause.getMessage()).contains("Address already in use"));
  }

  /** Starts the transports beside HTTP that the configuration asks for (gRPC). */
  private static List<SideTransport> startTransports(
      ApplicationContext context, EmbeddedServer http, PrintWriter out) {
    List<SideTransport> started = new java.util.ArrayList<>();
    try {
      for (SideTransport transport : context.getBeansOfType(SideTransport.class)) {
        transport.start();
        started.add(transport);
        out.println("Serving " + transport.describe());
        out.flush();
      }
      return List.copyOf(started);
    } catch (RuntimeException e) {
      started.forEach(SideTransport::close);
      http.stop();
      throw e;
    }
  }

  private static void bootstrap(
      ApplicationContext context, PrintWriter out, MaterializationProgress progress) {
    ServingConfig serving = context.getBean(ServingConfig.class);
    OnlineStoreConfig store = context.getBean(OnlineStoreConfig.class);
    if (!serving.isBootstrap() || store.getType() != OnlineStoreConfig.Type.EMBEDDED) {
      return;
    }
    List<Change> changes = context.getBean(Applier.class).apply();
    changes.forEach(change -> out.println(change.done()));
    out.flush();
    context
        .getBean(MaterializationJob.class)
        .materializeIncremental(List.of(), Instant.now().truncatedTo(ChronoUnit.SECONDS), progress);
  }

  /**
   * Role ingest runs the stream feature views, and fails without Kafka; role all runs them too when
   * Kafka is configured, and serves without them otherwise.
   */
  private static void startIngestion(ApplicationContext context, PrintWriter out) {
    ServingConfig.Role role = context.getBean(ServingConfig.class).getRole();
    StreamIngestion ingestion = context.getBean(StreamIngestion.class);
    if (role == ServingConfig.Role.INGEST
        || (role == ServingConfig.Role.ALL && ingestion.runnable())) {
      ingestion.start();
      out.println("Stream ingestion started: " + ingestion.describe());
      out.flush();
    }
  }

  private static void startScheduling(ApplicationContext context, PrintWriter out) {
    if (context.getBean(SchedulingConfig.class).isEnabled()) {
      List<String> schedules = context.getBean(MaterializationScheduler.class).start();
      out.println(
          "Scheduled materialization: "
              + (schedules.isEmpty() ? "no view has a schedule" : String.join(", ", schedules)));
      out.flush();
    }
  }

  /** A bean of the server's application context: the historical retrieval, the applier, ... */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** A typed-client transport reading this server's store in process, without HTTP. */
  public InProcessTransport inProcessTransport() {
    return context.getBean(InProcessTransport.class);
  }

  public URL url() {
    return server.getURL();
  }

  public int port() {
    return server.getPort();
  }

  /** The port of the transport beside HTTP of this type (gRPC), which must have started. */
  public int port(Class<? extends SideTransport> type) {
    for (SideTransport transport : transports) {
      if (type.isInstance(transport)) {
        return transport.port();
      }
    }
    throw new IllegalStateException(type.getSimpleName() + " is not serving");
  }

  @Override
  public void close() {
    transports.forEach(SideTransport::close);
    server.stop();
    context.close();
  }
}
