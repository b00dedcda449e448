package dev.freshet.runtime.streaming;

import dev.freshet.runtime.config.StreamingConfig;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.spec.AggregationSpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import dev.freshet.spec.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology of a registry's stream feature views. Per Kafka source: read the
 * topic, check each message ({@link ValidatingProcessor}; malformed ones to the dead-letter topic
 * when there is one), then, unless producers already key by entity, repartition by the target
 * view's join keys; then per stream view an {@link AggregatingProcessor} or a {@link
 * CopyingProcessor}, each with its own {@link OnlineWriteBuffer}; the events a view cannot apply
 * (late past the windows it holds) go to the dead-letter topic too.
 */
final class StreamTopology {
  private StreamTopology() {}

  static Topology build(
      FeatureRegistry registry,
      StreamingConfig config,
      Supplier<OnlineStore> store,
      StreamMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    Map<String, List<StreamFeatureViewSpec>> bySource = new LinkedHashMap<>();
    for (StreamFeatureViewSpec view : registry.streamFeatureViews()) {
      bySource.computeIfAbsent(view.source(), s -> new ArrayList<>()).add(view);
    }
    for (Map.Entry<String, List<StreamFeatureViewSpec>> entry : bySource.entrySet()) {
      KafkaSourceSpec source = (KafkaSourceSpec) registry.dataSource(entry.getKey()).orElseThrow();
      KStream<byte[], Object> events = wellFormed(builder, source, config, metrics);
      Map<List<JoinKeySpec>, List<StreamFeatureViewSpec>> byKeys = new LinkedHashMap<>();
      for (StreamFeatureViewSpec view : entry.getValue()) {
        byKeys.computeIfAbsent(target(registry, view).joinKeys(), k -> new ArrayList<>()).add(view);
      }
      for (Map.Entry<List<JoinKeySpec>, List<StreamFeatureViewSpec>> group : byKeys.entrySet()) {
        KStream<byte[], Object> keyed =
            config.isRepartition() ? byEntity(events, source, group.getKey(), config) : events;
        for (StreamFeatureViewSpec view : group.getValue()) {
          addView(builder, keyed, registry, source, view, config, store, metrics);
        }
      }
    }
    return builder.build();
  }

  private static FeatureViewSpec target(FeatureRegistry registry, StreamFeatureViewSpec view) {
    return registry.featureView(view.targetView()).orElseThrow();
  }

  private static KStream<byte[], Object> wellFormed(
      StreamsBuilder builder,
      KafkaSourceSpec source,
      StreamingConfig config,
      StreamMetrics metrics) {
    String name = source.name();
    KStream<byte[], Object> read =
        builder.stream(
                source.topic(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-" + name))
            .process(
                () ->
                    new ValidatingProcessor(
                        name, new MessageReader(source), metrics, config.getCommitInterval()),
                Named.as("check-" + name));
    Map<String, KStream<byte[], Object>> branches =
        read.split(Named.as(name + "-"))
            .branch((key, value) -> value instanceof byte[], Branched.as("malformed"))
            .defaultBranch(Branched.as("events"));
    if (hasDeadLetters(config)) {
      branches
          .get(name + "-malformed")
          .mapValues(value -> (byte[]) value, Named.as("dead-letters-" + name))
          .to(
              config.getDeadLetterTopic(),
              Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                  .withName("write-dead-letters-" + name));
    }
    return branches.get(name + "-events");
  }

  private static boolean hasDeadLetters(StreamingConfig config) {
    return config.getDeadLetterTopic() != null && !config.getDeadLetterTopic().isBlank();
  }

  private static KStream<byte[], Object> byEntity(
      KStream<byte[], Object> events,
      KafkaSourceSpec source,
      List<JoinKeySpec> joinKeys,
      StreamingConfig config) {
    String by =
        source.name()
            + "-by-"
            + String.join("-", joinKeys.stream().map(JoinKeySpec::name).toList());
    return events
        .process(
            () ->
                new RekeyProcessor(
                    new EntityKeyReader(joinKeys, new MessageReader(source)),
                    config.getCommitInterval()),
            Named.as("key-" + by))
        .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(by))
        .mapValues(value -> (Object) value, Named.as("keyed-" + by));
  }

  private static void addView(
      StreamsBuilder builder,
      KStream<byte[], Object> events,
      FeatureRegistry registry,
      KafkaSourceSpec source,
      StreamFeatureViewSpec view,
      StreamingConfig config,
      Supplier<OnlineStore> store,
      StreamMetrics metrics) {
    FeatureViewSpec target = target(registry, view);
    List<String> computed = view.aggregations().stream().map(AggregationSpec::feature).toList();
    boolean aggregated = view.aggregations().stream().anyMatch(AggregationSpec::isAggregated);
    OnlineStore.Ties ties = aggregated ? OnlineStore.Ties.REPLACE : OnlineStore.Ties.KEEP_STORED;
    Supplier<OnlineWriteBuffer> buffer =
        () ->
            new OnlineWriteBuffer(
                view.name(), target, computed, ties, store, config.getWriteRetryTimeout(), metrics);
    KStream<byte[], byte[]> unapplied;
    if (aggregated) {
      String windows = "windows-" + view.name();
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(windows), Serdes.ByteArray(), Serdes.ByteArray()));
      unapplied =
          events.process(
              () -> {
                MessageReader reader = new MessageReader(source);
                WindowPlan plan =
                    WindowPlan.of(view.aggregations(), target, reader, source.watermarkDelay());
                return new AggregatingProcessor(
                    view.name(),
                    reader,
                    buffer.get(),
                    config.getCommitInterval(),
                    windows,
                    plan,
                    new EntityKeyReader(target.joinKeys(), reader),
                    target.features().size(),
                    metrics,
                    config.getIdleTimeout());
              },
              Named.as("aggregate-" + view.name()),
              windows);
    } else {
      unapplied =
          events.process(
              () -> {
                MessageReader reader = new MessageReader(source);
                int[] fields = new int[target.features().size()];
                ValueType[] types = new ValueType[fields.length];
                for (int i = 0; i < fields.length; i++) {
                  FeatureSpec feature = target.features().get(i);
                  fields[i] =
                      computed.contains(feature.name()) ? reader.position(feature.name()) : -1;
                  types[i] = feature.type();
                }
                return new CopyingProcessor(
                    reader,
                    buffer.get(),
                    config.getCommitInterval(),
                    new EntityKeyReader(target.joinKeys(), reader),
                    fields,
                    types);
              },
              Named.as("copy-" + view.name()));
    }
    if (hasDeadLetters(config)) {
      unapplied.to(
          config.getDeadLetterTopic(),
          Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
              .withName("write-unapplied-" + view.name()));
    }
  }
}
