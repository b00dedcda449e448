package dev.freshet.runtime.cli;

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
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.PushSourceSpec;
import dev.freshet.spec.RequestSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The text {@code list} prints: one section per kind of definition, one entry per definition. */
final class RegistryListing {
  private final StringBuilder out = new StringBuilder();
  private final int nameWidth;

  private RegistryListing(int nameWidth) {
    this.nameWidth = nameWidth;
  }

  static String render(FeatureRegistry registry) {
    List<String> names = new ArrayList<>();
    registry.entities().forEach(e -> names.add(e.name()));
    registry.dataSources().forEach(s -> names.add(s.name()));
    registry.featureViews().forEach(v -> names.add(v.name()));
    registry.streamFeatureViews().forEach(v -> names.add(v.name()));
    registry.featureServices().forEach(s -> names.add(s.name()));
    registry.onDemandFeatureViews().forEach(v -> names.add(v.name()));
    RegistryListing listing =
        new RegistryListing(names.stream().mapToInt(String::length).max().orElse(0) + 2);

    listing.section("Entities", registry.entities().size());
    registry.entities().forEach(listing::entity);
    listing.section("Data sources", registry.dataSources().size());
    registry.dataSources().forEach(listing::dataSource);
    listing.section("Feature views", registry.featureViews().size());
    registry.featureViews().forEach(listing::featureView);
    listing.section("Stream feature views", registry.streamFeatureViews().size());
    registry.streamFeatureViews().forEach(listing::streamFeatureView);
    if (!registry.onDemandFeatureViews().isEmpty()) {
      listing.section("On-demand feature views", registry.onDemandFeatureViews().size());
      registry.onDemandFeatureViews().forEach(listing::onDemandFeatureView);
    }
    listing.section("Feature services", registry.featureServices().size());
    registry.featureServices().forEach(listing::featureService);
    return listing.out.toString();
  }

  private void section(String title, int count) {
    out.append(title).append(" (").append(count).append(")\n");
  }

  private void entity(EntitySpec entity) {
    String keys =
        entity.joinKeys().stream()
            .map(k -> k.name() + " " + k.type())
            .collect(Collectors.joining(", "));
    entry(
        entity.name(),
        details("join keys " + keys, entity.description(), entity.tags(), entity.owner()));
  }

  private void dataSource(DataSourceSpec source) {
    String what;
    if (source instanceof FileSourceSpec file) {
      what =
          "file, "
              + file.path()
              + ", timestamp "
              + file.timestampField()
              + (file.createdTimestampColumn().isEmpty()
                  ? ""
                  : ", created " + file.createdTimestampColumn())
              + (file.fieldMapping().isEmpty()
                  ? ""
                  : ", mapping " + new TreeMap<>(file.fieldMapping()));
      entry(source.name(), details(what, file.description(), file.tags(), file.owner()));
    } else if (source instanceof PushSourceSpec push) {
      what = "push, batch source " + push.batchSource();
      entry(source.name(), details(what, push.description(), push.tags(), push.owner()));
    } else if (source instanceof RequestSourceSpec request) {
      entry(
          source.name(),
          details("request", request.description(), request.tags(), request.owner()));
      continuation(features(request.fields()));
    } else {
      KafkaSourceSpec kafka = (KafkaSourceSpec) source;
      what =
          "kafka, topic "
              + kafka.topic()
              + ", "
              + kafka.format()
              + ", timestamp "
              + kafka.timestampField()
              + " ("
              + kafka.timestampFormat()
              + "), watermark delay "
              + Durations.format(kafka.watermarkDelay())
              + ", batch source "
              + kafka.batchSource();
      entry(source.name(), details(what, kafka.description(), kafka.tags(), kafka.owner()));
      continuation(
          "fields "
              + kafka.fields().stream()
                  .map(f -> f.name() + " " + f.type())
                  .collect(Collectors.joining(", ")));
    }
  }

  private void featureView(FeatureViewSpec view) {
    String what =
        "entities "
            + String.join(", ", view.entities())
            + "; source "
            + view.source()
            + "; ttl "
            + (view.ttl().isZero() ? "none" : Durations.format(view.ttl()))
            + "; "
            + (view.online() ? "online" : "offline")
            + (view.schedule().isEmpty() ? "" : "; materialized " + view.schedule());
    entry(view.name(), details(what, view.description(), view.tags(), view.owner()));
    continuation(features(view.features()));
  }

  private void onDemandFeatureView(OnDemandFeatureViewSpec view) {
    String what =
        "computed from "
            + view.inputs().stream()
                .map(i -> i.name() + (i.request() ? " (request)" : ""))
                .collect(Collectors.joining(", "))
            + (view.writeToOnlineStore() ? "; when written, stored" : "");
    entry(view.name(), details(what, view.description(), view.tags(), view.owner()));
    continuation(features(view.features()));
  }

  private static String features(List<FeatureSpec> features) {
    return features.stream()
        .map(f -> f.name() + " " + f.type() + (f.nullable() ? " (nullable)" : ""))
        .collect(Collectors.joining(", "));
  }

  private void streamFeatureView(StreamFeatureViewSpec view) {
    entry(
        view.name(),
        details(
            view.source() + " -> " + view.targetView(),
            view.description(),
            view.tags(),
            view.owner()));
    for (AggregationSpec aggregation : view.aggregations()) {
      continuation(
          aggregation.isAggregated()
              ? String.format(
                  "%s = %s(%s) over %s every %s",
                  aggregation.feature(),
                  aggregation.function(),
                  aggregation.column(),
                  Durations.format(aggregation.window()),
                  Durations.format(aggregation.slide()))
              : aggregation.feature() + " = " + aggregation.column());
    }
  }

  private void featureService(FeatureServiceSpec service) {
    List<String> selections = new ArrayList<>();
    for (FeatureSelectionSpec selection : service.selections()) {
      String view =
          selection.alias().isEmpty()
              ? selection.featureView()
              : selection.featureView() + " as " + selection.alias();
      selections.add(view + ": " + String.join(", ", selection.features()));
    }
    entry(
        service.name(),
        details(
            String.join("; ", selections), service.description(), service.tags(), service.owner()));
  }

  private static String details(
      String what, String description, Map<String, String> tags, String owner) {
    StringBuilder details = new StringBuilder(what);
    if (!tags.isEmpty()) {
      details.append("; tags ");
      details.append(
          new TreeMap<>(tags)
              .entrySet().stream()
                  .map(t -> t.getKey() + "=" + t.getValue())
                  .collect(Collectors.joining(", ")));
    }
    if (!owner.isEmpty()) {
      details.append("; owner ").append(owner);
    }
    if (!description.isEmpty()) {
      details.append(" -- ").append(description);
    }
    return details.toString();
  }

  private void entry(String name, String details) {
    out.append("  ")
        .append(name)
        .append(" ".repeat(nameWidth - name.length()))
        .append(details)
        .append('\n');
  }

  private void continuation(String line) {
    out.append("  ").append(" ".repeat(nameWidth)).append(line).append('\n');
  }
}
