package dev.freshet.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The definitions compiled into this jar, as the objects {@code apply} records: read from the
 * generated {@code META-INF/freshet/registry.json}, one canonical JSON text per object.
 */
public final class CompiledDefinitions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CompiledDefinitions() {}

  public static Map<String, String> objects(ClassLoader classLoader) {
    try (InputStream in = classLoader.getResourceAsStream(FeatureRegistry.JSON_RESOURCE)) {
      if (in == null) {
        throw new RegistryException(
            FeatureRegistry.JSON_RESOURCE
                + " is missing: compile the feature repository with the Freshet processor");
      }
      return objects(JSON.readTree(in));
    } catch (IOException e) {
      throw new RegistryException(
          "cannot read " + FeatureRegistry.JSON_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static Map<String, String> objects(JsonNode registry) {
    Map<String, String> objects = new TreeMap<>();
    for (ObjectKey.Kind kind : ObjectKey.Kind.values()) {
      for (JsonNode object : registry.path(kind.section())) {
        objects.put(new ObjectKey(kind, object.get("name").asText()).key(), object.toString());
      }
    }
    return objects;
  }

  /**
   * The parts of an applied feature view that deleting its online data needs: name, join keys,
   * features.
   */
  public static FeatureViewSpec featureView(String json) {
    try {
      JsonNode view = JSON.readTree(json);
      List<JoinKeySpec> joinKeys = new ArrayList<>();
      for (JsonNode key : view.path("join_keys")) {
        joinKeys.add(
            new JoinKeySpec(key.get("name").asText(), ValueType.valueOf(key.get("type").asText())));
      }
      List<FeatureSpec> features = new ArrayList<>();
      for (JsonNode feature : view.path("features")) {
        features.add(
            new FeatureSpec(
                feature.get("name").asText(),
                ValueType.valueOf(feature.get("type").asText()),
                feature.path("nullable").asBoolean()));
      }
      List<String> entities = new ArrayList<>();
      view.path("entities").forEach(e -> entities.add(e.asText()));
      return new FeatureViewSpec(
          view.get("name").asText(),
          entities,
          joinKeys,
          view.path("source").asText(),
          Duration.ZERO,
          view.path("online").asBoolean(true),
          features,
          "",
          Map.of(),
          "");
    } catch (IOException e) {
      throw new RegistryException("the applied feature view is not JSON: " + json, e);
    }
  }
}
