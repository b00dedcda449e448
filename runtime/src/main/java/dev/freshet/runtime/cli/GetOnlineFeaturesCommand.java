package dev.freshet.runtime.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.serving.OnlineFeatures;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code get-online-features}: the values the feature server would answer, read here from the
 * configured online store through the server's own read path, or asked of a running server.
 */
@Command(
    name = "get-online-features",
    description = {
      "Prints the online values of features (or of a feature service) for entity keys: read from the"
          + " configured online store, or from a running server with --server."
    },
    footer = {
      "%nExamples:",
      "  get-online-features --feature-service model_v1 --entity driver_id=1001,1002",
      "  get-online-features --features driver_hourly_stats:conv_rate --entity driver_id=1001 --json",
      "  get-online-features --server http://localhost:6566 --feature-service model_v1 --entity driver_id=1001"
    },
    mixinStandardHelpOptions = true)
public class GetOnlineFeaturesCommand implements Runnable {
  private static final JsonFactory JSON = new JsonFactory();

  @Spec CommandSpec spec;

  @Option(
      names = "--features",
      split = ",",
      paramLabel = "VIEW:FEATURE",
      description = "The features, comma-separated.")
  List<String> features = new ArrayList<>();

  @Option(names = "--feature-service", paramLabel = "NAME", description = "A feature service.")
  String featureService;

  @Option(
      names = "--entity",
      required = true,
      paramLabel = "KEY=V1,V2",
      description = "A join key and its values, one entity each; repeat for a composite key.")
  List<String> entities = new ArrayList<>();

  @Option(names = "--full-feature-names", description = "Name features view__feature.")
  boolean fullNames;

  @Option(names = "--json", description = "Print Feast's JSON response instead of a table.")
  boolean json;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Ask a running feature server (e.g. http://localhost:6566) instead of the store.")
  URI server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "The read token of --server, when it has one (freshet.serving.read-token).")
  String token;

  @Inject BeanProvider<OnlineFeatures> onlineFeatures;

  @Override
  public void run() {
    if ((featureService == null) == features.isEmpty()) {
      throw new IllegalArgumentException("give either --features or --feature-service");
    }
    byte[] response = server == null ? readStore(request()) : askServer(request());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new String(response, StandardCharsets.UTF_8));
    } else {
      out.print(table(response, entityColumns().keySet()));
    }
    out.flush();
  }

  /** Feast's request for what the options ask. */
  private byte[] request() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      if (featureService != null) {
        out.writeStringField("feature_service", featureService);
      } else {
        out.writeArrayFieldStart("features");
        for (String feature : features) {
          out.writeString(feature);
        }
        out.writeEndArray();
      }
      out.writeObjectFieldStart("entities");
      for (Map.Entry<String, List<String>> column : entityColumns().entrySet()) {
        out.writeArrayFieldStart(column.getKey());
        for (String value : column.getValue()) {
          out.writeString(value); // typed as the join key by the server's one rule for values
        }
        out.writeEndArray();
      }
      out.writeEndObject();
      out.writeBooleanField("full_feature_names", fullNames);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private Map<String, List<String>> entityColumns() {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String entity : entities) {
      int equals = entity.indexOf('=');
      if (equals <= 0 || equals == entity.length() - 1) {
        throw new IllegalArgumentException(
            "--entity '" + entity + "' is not KEY=VALUES; write e.g. --entity driver_id=1001,1002");
      }
      columns.put(entity.substring(0, equals), List.of(entity.substring(equals + 1).split(",")));
    }
    return columns;
  }

  private byte[] readStore(byte[] request) {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    onlineFeatures.get().handle(request, response);
    return response.toByteArray();
  }

  private byte[] askServer(byte[] request) {
    URI endpoint = server.resolve("/get-online-features");
    HttpRequest.Builder call =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request));
    if (token != null) {
      call.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient().send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        JsonNode error = new ObjectMapper().readTree(response.body());
        throw new IllegalArgumentException(
            endpoint
                + " answered "
                + response.statusCode()
                + ": "
                + error
                    .path("message")
                    .asText(new String(response.body(), StandardCharsets.UTF_8)));
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot reach " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * One line per entity and feature: the entity's keys (the leading columns of the response that
   * are the entity columns sent), the feature, its value, status and event time.
   */
  static String table(byte[] response, java.util.Set<String> entityColumns) {
    try {
      JsonNode root = new ObjectMapper().readTree(response);
      JsonNode names = root.get("metadata").get("feature_names");
      JsonNode results = root.get("results");
      int rows = results.get(0).get("values").size();
      int keys = 0;
      while (keys < names.size() && entityColumns.contains(names.get(keys).asText())) {
        keys++;
      }
      List<String[]> lines = new ArrayList<>();
      List<String> header = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        header.add(names.get(k).asText());
      }
      header.addAll(List.of("feature", "value", "status", "event_timestamp"));
      lines.add(header.toArray(String[]::new));
      for (int row = 0; row < rows; row++) {
        for (int f = keys; f < results.size(); f++) {
          List<String> line = new ArrayList<>();
          for (int k = 0; k < keys; k++) {
            line.add(results.get(k).get("values").get(row).asText());
          }
          JsonNode column = results.get(f);
          line.add(names.get(f).asText());
          line.add(
              column.get("values").get(row).isNull()
                  ? "null"
                  : column.get("values").get(row).asText());
          line.add(column.get("statuses").get(row).asText());
          line.add(column.get("event_timestamps").get(row).asText());
          lines.add(line.toArray(String[]::new));
        }
      }
      return align(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String align(List<String[]> lines) {
    int[] widths = new int[lines.get(0).length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        out.append(
            i == line.length - 1
                ? line[i]
                : String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", line[i]));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
