package dev.freshet.runtime.cli;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.KafkaConfig;
import dev.freshet.runtime.streaming.EventEmitter;
import dev.freshet.spec.FeatureRegistry;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emit-events}: replays a Kafka source's batch file to its topic, as the reference
 * scenario's emitter does.
 */
@Command(
    name = "emit-events",
    description = {
      "Creates the topic of a Kafka source (3 partitions) if missing, then replays the source's batch file to it in"
          + " event-time order as JSON messages of the source's fields, times shifted forward by 52 weeks per iteration."
    },
    footer = {
      "%nExamples:",
      "  emit-events --bootstrap-servers localhost:9092 --rate 20 --iterations 10",
      "  emit-events --unkeyed --partitions 3   (as the workshop's kafka_demo sends)"
    },
    mixinStandardHelpOptions = true)
public class EmitEventsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "The brokers; default kafka.bootstrap-servers.")
  String bootstrapServers;

  @Option(
      names = "--topic",
      description =
          "The topic, which picks the Kafka source; default the only (or first) source's, e.g. drivers.")
  String topic;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Messages per second; 0 sends as fast as the broker takes them. Default ${DEFAULT-VALUE}.")
  int rate;

  @Option(
      names = "--iterations",
      paramLabel = "K",
      defaultValue = "1",
      description = "How many passes over the file. Default ${DEFAULT-VALUE}.")
  int iterations;

  @Option(
      names = "--unkeyed",
      description =
          "Send each message without a key, to a random partition, as the workshop's kafka_demo"
              + " (kafka-python) does, instead of keyed by entity.")
  boolean unkeyed;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Partitions of the topic when it is created here; default 3. An existing topic keeps its own.")
  Integer partitions;

  @Inject FeatureRegistry registry;

  @Inject FreshetConfig config;

  @Inject KafkaConfig kafka;

  @Override
  public void run() {
    String servers = bootstrapServers != null ? bootstrapServers : kafka.getBootstrapServers();
    if (servers == null || servers.isBlank()) {
      throw new IllegalArgumentException(
          "give --bootstrap-servers HOST:PORT (or set kafka.bootstrap-servers)");
    }
    if (rate < 0 || iterations < 1 || (partitions != null && partitions < 1)) {
      throw new IllegalArgumentException(
          "--rate must be 0 or more, --iterations 1 or more and --partitions 1 or more");
    }
    EventEmitter.of(registry, config, topic)
        .emit(
            servers,
            rate,
            iterations,
            unkeyed,
            partitions == null ? 0 : partitions,
            spec.commandLine().getOut());
  }
}
