package dev.freshet.processor.model;

import dev.freshet.processor.base.AnnotationReader.ClassRef;
import dev.freshet.spec.AggregationSpec;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.Durations;
import dev.freshet.spec.EntitySpec;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns validated definitions into the spec records the runtime reads, resolving references to
 * names. The registry class and {@code registry.json} are both written from these, so they agree.
 */
public final class SpecBuilder {
  private final Repository repository;

  public SpecBuilder(Repository repository) {
    this.repository = repository;
  }

  public List<EntitySpec> entities() {
    return repository.entities().stream()
        .map(
            e ->
                new EntitySpec(
                    e.name(),
                    joinKeys(e.joinKeys()),
                    e.metadata().description(),
                    e.metadata().tags(),
                    e.metadata().owner()))
        .toList();
  }

  public List<DataSourceSpec> dataSources() {
    List<DataSourceSpec> sources = new ArrayList<>();
    for (Definition definition : repository.all()) {
      if (definition instanceof FileSourceDef file) {
        Map<String, String> mapping = new LinkedHashMap<>();
        file.fieldMapping().forEach(m -> mapping.put(m.column(), m.feature()));
        sources.add(
            new FileSourceSpec(
                file.name(),
                file.path(),
                file.timestampField(),
                file.createdTimestampColumn(),
                mapping,
                file.metadata().description(),
                file.metadata().tags(),
                file.metadata().owner()));
      } else if (definition instanceof PushSourceDef push) {
        sources.add(
            new PushSourceSpec(
                push.name(),
                nameOf(push.batchSource()),
                push.metadata().description(),
                push.metadata().tags(),
                push.metadata().owner()));
      } else if (definition instanceof KafkaSourceDef kafka) {
        sources.add(
            new KafkaSourceSpec(
                kafka.name(),
                kafka.topic(),
                kafka.format(),
                kafka.avroSchema(),
                kafka.timestampField(),
                kafka.timestampFormat(),
                duration(kafka.watermarkDelay()),
                nameOf(kafka.batchSource()),
                kafka.fields().stream()
                    .map(
                        f ->
                            new MessageFieldSpec(
                                f.name(), f.type().valueType(), f.type().nullable()))
                    .toList(),
                kafka.metadata().description(),
                kafka.metadata().tags(),
                kafka.metadata().owner()));
      } else if (definition instanceof RequestSourceDef request) {
        sources.add(
            new RequestSourceSpec(
                request.name(),
                features(request.fields()),
                request.metadata().description(),
                request.metadata().tags(),
                request.metadata().owner()));
      }
    }
    return sources;
  }

  /**
   * The on-demand views, each without its transform: the registry class refers to the generated
   * one, {@code registry.json} describes the view without it.
   */
  public List<OnDemandFeatureViewSpec> onDemandFeatureViews() {
    List<OnDemandFeatureViewSpec> views = new ArrayList<>();
    for (OnDemandViewDef view : repository.onDemandViews()) {
      List<OnDemandFeatureViewSpec.Input> inputs = new ArrayList<>();
      for (Definition input : inputsOf(view)) {
        inputs.add(
            new OnDemandFeatureViewSpec.Input(input.name(), input instanceof RequestSourceDef));
      }
      views.add(
          new OnDemandFeatureViewSpec(
              view.name(),
              inputs,
              features(view.features()),
              view.metadata().description(),
              view.metadata().tags(),
              view.metadata().owner(),
              null,
              view.writeToOnlineStore()));
    }
    return views;
  }

  /** The feature views and request sources a validated on-demand view's transform reads. */
  public List<Definition> inputsOf(OnDemandViewDef view) {
    return repository.inputsOf(view);
  }

  private static List<FeatureSpec> features(List<Member> members) {
    return members.stream()
        .map(f -> new FeatureSpec(f.name(), f.type().valueType(), f.type().nullable()))
        .toList();
  }

  public List<FeatureViewSpec> featureViews() {
    return repository.featureViews().stream().map(this::featureView).toList();
  }

  public FeatureViewSpec featureView(FeatureViewDef view) {
    return new FeatureViewSpec(
        view.name(),
        view.entities().stream().map(this::nameOf).toList(),
        joinKeys(repository.joinKeysOf(view)),
        nameOf(view.source()),
        duration(view.ttl()),
        view.online(),
        view.features().stream()
            .map(f -> new FeatureSpec(f.name(), f.type().valueType(), f.type().nullable()))
            .toList(),
        view.metadata().description(),
        view.metadata().tags(),
        view.metadata().owner(),
        view.schedule(),
        view.acceptsNonFinite());
  }

  public List<StreamFeatureViewSpec> streamFeatureViews() {
    return repository.streamViews().stream()
        .map(
            s ->
                new StreamFeatureViewSpec(
                    s.name(),
                    nameOf(s.source()),
                    nameOf(s.target()),
                    s.features().stream().map(SpecBuilder::aggregation).toList(),
                    s.metadata().description(),
                    s.metadata().tags(),
                    s.metadata().owner()))
        .toList();
  }

  public List<FeatureServiceSpec> featureServices() {
    return repository.featureServices().stream()
        .map(
            s ->
                new FeatureServiceSpec(
                    s.name(),
                    s.selections().stream().map(this::selection).toList(),
                    s.metadata().description(),
                    s.metadata().tags(),
                    s.metadata().owner()))
        .toList();
  }

  /** A selection with its feature names spelled out, also when it selects the whole view. */
  private FeatureSelectionSpec selection(FeatureServiceDef.Selection selection) {
    ServedView view = repository.definitionOf(selection.view().type(), ServedView.class);
    List<String> features =
        selection.features().isEmpty()
            ? view.featureNames()
            : selection.features().stream().map(FeatureServiceDef.SelectedName::name).toList();
    return new FeatureSelectionSpec(view.name(), selection.alias(), features);
  }

  private static AggregationSpec aggregation(StreamViewDef.StreamFeature feature) {
    StreamViewDef.Aggregation aggregation = feature.aggregation();
    if (aggregation == null) {
      return new AggregationSpec(
          feature.member().name(), null, feature.member().name(), Duration.ZERO, Duration.ZERO);
    }
    return new AggregationSpec(
        feature.member().name(),
        aggregation.function(),
        aggregation.column(),
        duration(aggregation.window()),
        duration(aggregation.effectiveSlide()));
  }

  private static List<JoinKeySpec> joinKeys(List<Member> keys) {
    return keys.stream().map(k -> new JoinKeySpec(k.name(), k.type().valueType())).toList();
  }

  private String nameOf(ClassRef ref) {
    return repository.definitionOf(ref.type()).name();
  }

  private static Duration duration(String text) {
    return Durations.parse(text).orElseThrow();
  }
}
