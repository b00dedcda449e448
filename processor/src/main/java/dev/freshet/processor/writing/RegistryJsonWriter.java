package dev.freshet.processor.writing;

import dev.freshet.processor.model.Definition;
import dev.freshet.processor.writing.RegistryWriter.Contents;
import dev.freshet.spec.AggregationSpec;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.Durations;
import dev.freshet.spec.EntitySpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.MessageFieldSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.RequestSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/freshet/registry.json}: every definition, sorted by name, each object's
 * keys in a fixed order, two-space indented, so that two builds of the same definitions give the
 * same bytes and a diff of two versions reads as the change.
 */
public final class RegistryJsonWriter {
  private final Filer filer;

  public RegistryJsonWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(Contents contents, List<Definition> originatingElements) {
    JsonText json = new JsonText();
    json.beginObject();
    json.name("entities").beginArray();
    contents.entities().forEach(e -> entity(json, e));
    json.endArray();
    json.name("data_sources").beginArray();
    contents.dataSources().forEach(s -> dataSource(json, s));
    json.endArray();
    json.name("feature_views").beginArray();
    contents.featureViews().forEach(v -> featureView(json, v));
    json.endArray();
    json.name("stream_feature_views").beginArray();
    contents.streamFeatureViews().forEach(v -> streamFeatureView(json, v));
    json.endArray();
    json.name("feature_services").beginArray();
    contents.featureServices().forEach(s -> featureService(json, s));
    json.endArray();
    if (!contents.onDemandFeatureViews().isEmpty()) {
      // Only when there are some, so that a repository without them describes itself as before.
      json.name("on_demand_feature_views").beginArray();
      contents.onDemandFeatureViews().forEach(v -> onDemandFeatureView(json, v));
      json.endArray();
    }
    json.endObject();

    Element[] elements =
        originatingElements.stream().map(Definition::element).toArray(Element[]::new);
    try {
      FileObject file =
          filer.createResource(
              StandardLocation.CLASS_OUTPUT, "", FeatureRegistry.JSON_RESOURCE, elements);
      try (Writer writer = file.openWriter()) {
        writer.write(json.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + FeatureRegistry.JSON_RESOURCE, e);
    }
  }

  private static void entity(JsonText json, EntitySpec e) {
    json.beginObject();
    json.name("name").value(e.name());
    json.name("join_keys").beginArray();
    e.joinKeys().forEach(k -> joinKey(json, k));
    json.endArray();
    metadata(json, e.description(), e.tags(), e.owner());
    json.endObject();
  }

  private static void dataSource(JsonText json, DataSourceSpec source) {
    json.beginObject();
    json.name("name").value(source.name());
    json.name("kind").value(source.kind());
    String description;
    Map<String, String> tags;
    String owner;
    if (source instanceof FileSourceSpec f) {
      json.name("path").value(f.path());
      json.name("timestamp_field").value(f.timestampField());
      json.name("created_timestamp_column").value(f.createdTimestampColumn());
      json.name("field_mapping");
      stringMap(json, f.fieldMapping());
      description = f.description();
      tags = f.tags();
      owner = f.owner();
    } else if (source instanceof PushSourceSpec p) {
      json.name("batch_source").value(p.batchSource());
      description = p.description();
      tags = p.tags();
      owner = p.owner();
    } else if (source instanceof RequestSourceSpec r) {
      json.name("fields");
      features(json, r.fields());
      description = r.description();
      tags = r.tags();
      owner = r.owner();
    } else {
      KafkaSourceSpec k = (KafkaSourceSpec) source;
      json.name("topic").value(k.topic());
      json.name("format").value(k.format().name());
      json.name("avro_schema").value(k.avroSchema());
      json.name("timestamp_field").value(k.timestampField());
      json.name("timestamp_format").value(k.timestampFormat().name());
      json.name("watermark_delay").value(Durations.format(k.watermarkDelay()));
      json.name("batch_source").value(k.batchSource());
      json.name("fields").beginArray();
      for (MessageFieldSpec field : k.fields()) {
        json.beginObject();
        json.name("name").value(field.name());
        json.name("type").value(field.type().name());
        json.name("nullable").value(field.nullable());
        json.endObject();
      }
      json.endArray();
      description = k.description();
      tags = k.tags();
      owner = k.owner();
    }
    metadata(json, description, tags, owner);
    json.endObject();
  }

  private static void onDemandFeatureView(JsonText json, OnDemandFeatureViewSpec v) {
    json.beginObject();
    json.name("name").value(v.name());
    json.name("inputs").beginArray();
    for (OnDemandFeatureViewSpec.Input input : v.inputs()) {
      json.beginObject();
      json.name("name").value(input.name());
      json.name("kind").value(input.request() ? "request_source" : "feature_view");
      json.endObject();
    }
    json.endArray();
    json.name("features");
    features(json, v.features());
    if (v.writeToOnlineStore()) {
      json.name("write_to_online_store").value(true);
    }
    metadata(json, v.description(), v.tags(), v.owner());
    json.endObject();
  }

  private static void features(JsonText json, List<FeatureSpec> features) {
    json.beginArray();
    for (FeatureSpec feature : features) {
      json.beginObject();
      json.name("name").value(feature.name());
      json.name("type").value(feature.type().name());
      json.name("nullable").value(feature.nullable());
      json.endObject();
    }
    json.endArray();
  }

  private static void featureView(JsonText json, FeatureViewSpec v) {
    json.beginObject();
    json.name("name").value(v.name());
    json.name("entities").beginArray();
    v.entities().forEach(json::value);
    json.endArray();
    json.name("join_keys").beginArray();
    v.joinKeys().forEach(k -> joinKey(json, k));
    json.endArray();
    json.name("source").value(v.source());
    json.name("ttl").value(Durations.format(v.ttl()));
    json.name("online").value(v.online());
    if (!v.schedule().isEmpty()) {
      json.name("schedule").value(v.schedule());
    }
    if (v.acceptsNonFinite()) {
      json.name("accepts_non_finite").value(true);
    }
    json.name("features");
    features(json, v.features());
    metadata(json, v.description(), v.tags(), v.owner());
    json.endObject();
  }

  private static void streamFeatureView(JsonText json, StreamFeatureViewSpec s) {
    json.beginObject();
    json.name("name").value(s.name());
    json.name("source").value(s.source());
    json.name("target_view").value(s.targetView());
    json.name("aggregations").beginArray();
    for (AggregationSpec a : s.aggregations()) {
      json.beginObject();
      json.name("feature").value(a.feature());
      json.name("function").value(a.isAggregated() ? a.function().name() : "NONE");
      json.name("column").value(a.column());
      json.name("window").value(Durations.format(a.window()));
      json.name("slide").value(Durations.format(a.slide()));
      json.endObject();
    }
    json.endArray();
    metadata(json, s.description(), s.tags(), s.owner());
    json.endObject();
  }

  private static void featureService(JsonText json, FeatureServiceSpec s) {
    json.beginObject();
    json.name("name").value(s.name());
    json.name("selections").beginArray();
    for (FeatureSelectionSpec selection : s.selections()) {
      json.beginObject();
      json.name("feature_view").value(selection.featureView());
      json.name("alias").value(selection.alias());
      json.name("features").beginArray();
      selection.features().forEach(json::value);
      json.endArray();
      json.endObject();
    }
    json.endArray();
    metadata(json, s.description(), s.tags(), s.owner());
    json.endObject();
  }

  private static void joinKey(JsonText json, JoinKeySpec key) {
    json.beginObject();
    json.name("name").value(key.name());
    json.name("type").value(key.type().name());
    json.endObject();
  }

  private static void metadata(
      JsonText json, String description, Map<String, String> tags, String owner) {
    json.name("description").value(description);
    json.name("tags");
    stringMap(json, tags);
    json.name("owner").value(owner);
  }

  private static void stringMap(JsonText json, Map<String, String> map) {
    json.beginObject();
    new TreeMap<>(map).forEach((key, value) -> json.name(key).value(value));
    json.endObject();
  }
}
