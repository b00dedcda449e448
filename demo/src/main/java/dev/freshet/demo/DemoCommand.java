package dev.freshet.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.runtime.historical.HistoricalTable;
import dev.freshet.runtime.materialize.MaterializationJob;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.registry.Applier;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.runtime.streaming.EventEmitter;
import dev.freshet.spec.Durations;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.testing.LocalKafka;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.io.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the reference scenario in one process with nothing installed but Java. Starts a
 * local Kafka broker (or uses {@code --kafka}), the feature server on the embedded store (or {@code
 * --redis}) with stream ingestion, applies and materializes, starts the event emitter, then walks
 * through the scenario: training data, online features, a stream feature moving. Everything it
 * creates lives in a temporary directory, removed when it stops (Ctrl-C or {@code --duration}).
 */
@Command(
    name = "demo",
    description = {
      "Runs the reference scenario in one process: a local Kafka broker, the embedded online store, apply,"
          + " materialize-incremental, the event emitter, stream ingestion and the feature server (read and push),"
          + " then shows training data, online features and daily_miles_driven changing as events stream in,"
          + " each with the curl command to try. Ctrl-C stops everything and removes the temporary data."
    },
    footer = {
      "%nExamples:",
      "  demo",
      "  demo --duration 60s --port 7000 --rate 50",
      "  demo --kafka localhost:9092 --redis localhost:6379"
    },
    mixinStandardHelpOptions = true)
public class DemoCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORKSHOP_ENTITIES =
      "{\"driver_id\": [1001, 1002, 1003, 1004], \"event_timestamp\": [\"2021-04-12 10:59:42\", \"2021-04-12 08:12:10\","
          + " \"2021-04-12 16:40:26\", \"2021-04-12 15:01:12\"]}";
  private static final List<String> TRAINING_FEATURES =
      List.of(
          "driver_hourly_stats:conv_rate",
          "driver_hourly_stats:acc_rate",
          "driver_daily_features:daily_miles_driven");

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "6566",
      description = "The feature server's port. Default ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "Stop after this long (e.g. 60s, 5m); default: run until Ctrl-C.")
  String duration;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "20",
      description = "Events per second the emitter sends. Default ${DEFAULT-VALUE}.")
  int rate;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description = "Use this Kafka instead of starting one.")
  String kafka;

  @Option(
      names = "--redis",
      paramLabel = "HOST:PORT",
      description = "Use this Redis as the online store instead of the embedded one.")
  String redis;

  @Inject FreshetConfig config;

  @Inject FeatureRegistry registry;

  private PrintWriter out;
  private Path temporary;
  private LocalKafka localKafka;
  private FeatureServer server;
  private Thread emitter;
  private volatile boolean stopped;

  @Override
  public void run() {
    out = spec.commandLine().getOut();
    Duration limit =
        duration == null
            ? null
            : Durations.parse(duration)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "--duration '"
                                + duration
                                + "' is not a duration; write "
                                + Durations.SYNTAX));
    Thread hook = new Thread(this::stop, "freshet-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      start();
      walkThrough(limit);
    } catch (RuntimeException e) {
      if (!stopped) {
        throw e;
      } // else Ctrl-C stopped the server under the walk-through: nothing to report
    } finally {
      stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running
      }
    }
  }

  private void start() {
    try {
      temporary = Files.createTempDirectory("freshet-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("Freshet demo: the reference scenario in one process. Ctrl-C stops everything.");
    out.println();
    String brokers = kafka;
    if (brokers == null) {
      localKafka = LocalKafka.start(false);
      brokers = localKafka.bootstrapServers();
      out.println(
          "[1/5] Kafka: started a local broker (KRaft) at "
              + brokers
              + ", data in a temporary directory");
    } else {
      out.println("[1/5] Kafka: using " + brokers);
    }
    out.flush();

    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", config.getRepoPath());
    properties.put("micronaut.server.port", port);
    properties.put("freshet.serving.role", "ALL");
    properties.put("kafka.bootstrap-servers", brokers);
    properties.put("freshet.registry.type", "file");
    properties.put("freshet.registry.path", temporary.resolve("registry.json").toString());
    properties.put("freshet.streaming.state-dir", temporary.resolve("streams").toString());
    // A fresh application each run: with an external Kafka, the demo does not resume an old one.
    properties.put("freshet.streaming.application-id", "freshet-demo-" + temporary.getFileName());
    if (redis != null) {
      properties.put("freshet.online-store.type", "redis");
      properties.put("freshet.online-store.redis.connection-string", redis);
    } else {
      properties.put("freshet.online-store.type", "embedded");
      properties.put(
          "freshet.online-store.embedded.path", temporary.resolve("online_store").toString());
    }
    server =
        FeatureServer.start(
            properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
    if (redis != null) {
      server.bean(Applier.class).apply();
      server
          .bean(MaterializationJob.class)
          .materializeIncremental(
              List.of(),
              Instant.now().truncatedTo(ChronoUnit.SECONDS),
              MaterializationProgress.SILENT);
    }
    out.printf(
        "[2/5] Feature server on %s (%s online store): definitions applied, batch features materialized up to now,"
            + " stream ingestion running%n",
        base(), redis == null ? "embedded" : "Redis " + redis);
    out.flush();

    EventEmitter events = EventEmitter.of(registry, config, null);
    String servers = brokers;
    emitter =
        new Thread(
            () -> events.emit(servers, rate, 1_000, new PrintWriter(new StringWriter())),
            "freshet-demo-emitter");
    emitter.setDaemon(true);
    emitter.start();
  }

  private void walkThrough(Duration limit) {
    long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
    out.println();
    out.println("[3/5] Training data, point-in-time correct (the workshop's entity rows):");
    HistoricalFeatures historical = server.bean(HistoricalFeatures.class);
    Map<String, List<?>> entities = new LinkedHashMap<>();
    entities.put("driver_id", List.of(1001L, 1002L, 1003L, 1004L));
    entities.put(
        "event_timestamp",
        List.of(
            Instant.parse("2021-04-12T10:59:42Z"), Instant.parse("2021-04-12T08:12:10Z"),
            Instant.parse("2021-04-12T16:40:26Z"), Instant.parse("2021-04-12T15:01:12Z")));
    HistoricalTable table =
        historical.read(
            historical.features(TRAINING_FEATURES, false), new EntityRows.Columns(entities));
    out.printf(
        "      %-10s %-22s %10s %10s %19s%n",
        "driver_id", "event_timestamp", "conv_rate", "acc_rate", "daily_miles_driven");
    for (List<Object> row : table.rows()) {
      out.printf(
          Locale.ROOT,
          "      %-10s %-22s %10.6f %10.6f %19.6f%n",
          row.get(0),
          row.get(1),
          row.get(2),
          row.get(3),
          row.get(4));
    }
    out.println(
        "    try: "
            + curl(
                "/get-historical-features",
                "{\"features\": "
                    + json(TRAINING_FEATURES)
                    + ", \"entities\": "
                    + WORKSHOP_ENTITIES
                    + "}"));
    out.println();

    out.println("[4/5] Online features for driver 1001, feature service model_v1:");
    String online = "{\"feature_service\": \"model_v1\", \"entities\": {\"driver_id\": [1001]}}";
    JsonNode response = post("/get-online-features", online);
    JsonNode column = response.get("results").get(1);
    out.printf(
        "      conv_rate %s %s as of %s%n",
        column.get("values").get(0),
        column.get("statuses").get(0).asText(),
        column.get("event_timestamps").get(0).asText());
    out.println("    try: " + curl("/get-online-features", online));
    out.println();

    String daily =
        "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": [1001]}}";
    out.printf(
        "[5/5] Streaming driver events to topic drivers at %d/s; daily_miles_driven of driver 1001 (the sum of the last"
            + " day's miles) as they arrive:%n",
        rate);
    out.println("    try: " + curl("/get-online-features", daily));
    out.flush();
    String last = "";
    while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted() && !stopped) {
      JsonNode value = post("/get-online-features", daily).get("results").get(1);
      String now =
          value.get("values").get(0) + " as of " + value.get("event_timestamps").get(0).asText();
      if (!now.equals(last)) {
        out.printf(
            "      %s  daily_miles_driven %s%n",
            LocalTime.now().truncatedTo(ChronoUnit.SECONDS), now);
        out.flush();
        last = now;
      }
      LockSupport.parkNanos(
          Math.min(TimeUnit.SECONDS.toNanos(2), Math.max(0, deadline - System.nanoTime())));
    }
  }

  /**
   * Stops everything the demo started, in the order that lets each part finish at once (the
   * emitter, then the server and its stream ingestion while the broker still answers them, then the
   * broker), saying so, and removes its temporary data; safe to call twice.
   */
  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (out != null) {
      out.println();
      out.print("Stopping the demo:");
      out.flush();
    }
    if (emitter != null) {
      emitter.interrupt();
      try {
        emitter.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      said(" emitter");
    }
    if (server != null) {
      server.close();
      said(", ingestion and server");
    }
    if (localKafka != null) {
      localKafka.close();
      said(", broker");
    }
    if (temporary != null) {
      FileUtils.deleteQuietly(temporary.toFile());
    }
    if (out != null) {
      out.println();
      out.println(
          "Demo stopped: broker, ingestion, emitter and server stopped, temporary data removed.");
      out.flush();
    }
  }

  private void said(String part) {
    if (out != null) {
      out.print(part);
      out.flush();
    }
  }

  private String base() {
    return "http://localhost:" + server.port();
  }

  private String curl(String path, String body) {
    return "curl -s -X POST " + base() + path + " -d '" + body + "'";
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plain HTTP call, as a user's curl makes it; no client threads outlive it. */
  private JsonNode post(String path, String body) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(base() + path).toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(30_000);
      try (OutputStream request = connection.getOutputStream()) {
        request.write(body.getBytes(StandardCharsets.UTF_8));
      }
      try (InputStream response =
          connection.getResponseCode() < 400
              ? connection.getInputStream()
              : connection.getErrorStream()) {
        return JSON.readTree(response);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the demo's feature server did not answer " + path + ": " + e.getMessage(), e);
    }
  }
}
