package dev.freshet.runtime.cli;

import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.server.FeatureServer;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the feature server until Ctrl-C. */
@Command(
    name = "serve",
    description = {
      "Runs the feature server (Feast's HTTP API). With the embedded store it first applies the"
          + " definitions and materializes up to now (freshet.serving.bootstrap)."
    },
    footer = {"%nExamples:", "  serve", "  serve --role read --port 6566"},
    mixinStandardHelpOptions = true)
public class ServeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--role",
      description =
          "all (the default, or freshet.serving.role; with stream ingestion when kafka.bootstrap-servers is set), read (/get-online-features and"
              + " /get-historical-features only), push (/push and /materialize* only) or ingest (stream ingestion only)")
  String role;

  @Option(
      names = "--port",
      description = "The port to listen on; default 6566 (micronaut.server.port).")
  Integer port;

  @Option(
      names = "--grpc-port",
      description =
          "Also serve Feast's gRPC API on this port (freshet.grpc.enabled, freshet.grpc.port;"
              + " 0 takes a free one); without it, gRPC is served when freshet.grpc.enabled is true.")
  Integer grpcPort;

  @Override
  public void run() {
    Map<String, Object> properties = new HashMap<>();
    if (role != null) {
      try {
        properties.put(
            "freshet.serving.role",
            ServingConfig.Role.valueOf(role.toUpperCase(Locale.ROOT)).name());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--role is '" + role + "'; expected all, read, push or ingest");
      }
    }
    if (port != null) {
      properties.put("micronaut.server.port", port);
    }
    if (grpcPort != null) {
      properties.put("freshet.grpc.enabled", true);
      properties.put("freshet.grpc.port", grpcPort);
    }
    PrintWriter out = spec.commandLine().getOut();
    FeatureServer server = FeatureServer.start(properties, out, MaterializeOptions.progress(out));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "freshet-shutdown"));
    out.printf(
        "Serving on %s with role %s; Ctrl-C stops%n",
        server.url(), server.bean(ServingConfig.class).getRole().name().toLowerCase(Locale.ROOT));
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
