package dev.freshet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) from the {@code kafka_2.13}
 * artifact, run as a child JVM with this JVM's class path, on free ports, with its data in a
 * temporary directory: for the demo and the tests, not for production. {@link #stop()} and {@link
 * #restart()} keep the ports and the data, as a broker restart does; {@link #close()} removes
 * everything.
 */
public final class LocalKafka implements AutoCloseable {
  private final Path directory;
  private final int port;
  private Process process;

  private LocalKafka(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /**
   * A broker that also stops when this JVM exits normally, whatever else is still using it.
   *
   * @throws IllegalStateException when the class path lacks the broker, or it does not start
   */
  public static LocalKafka start() {
    return start(true);
  }

  /**
   * A broker that stops when this JVM exits normally only if {@code stopAtExit}; without, its owner
   * stops it, after what uses it (the demo stops its stream ingestion first, which waits for the
   * broker to commit).
   *
   * @throws IllegalStateException when the class path lacks the broker, or it does not start
   */
  public static LocalKafka start(boolean stopAtExit) {
    if (ClassLoader.getSystemResource("kafka/Kafka.class") == null) {
      throw new IllegalStateException(
          "a local Kafka broker needs the org.apache.kafka:kafka_2.13 artifact on the class path (the demo jar has it)");
    }
    try {
      Path directory = Files.createTempDirectory("freshet-kafka");
      int port = FreePorts.next();
      int controllerPort = FreePorts.next();
      Properties config = new Properties();
      config.putAll(
          Map.ofEntries(
              Map.entry("process.roles", "broker,controller"),
              Map.entry("node.id", "1"),
              Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
              Map.entry(
                  "listeners",
                  "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
              Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
              Map.entry("controller.listener.names", "CONTROLLER"),
              Map.entry(
                  "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
              Map.entry("log.dirs", directory.resolve("data").toString()),
              Map.entry("offsets.topic.replication.factor", "1"),
              Map.entry("offsets.topic.num.partitions", "3"),
              Map.entry("transaction.state.log.replication.factor", "1"),
              Map.entry("transaction.state.log.min.isr", "1"),
              Map.entry("transaction.state.log.num.partitions", "3"),
              Map.entry("share.coordinator.state.topic.replication.factor", "1"),
              Map.entry("share.coordinator.state.topic.min.isr", "1"),
              Map.entry("group.initial.rebalance.delay.ms", "0")));
      Path properties = directory.resolve("server.properties");
      try (var out = Files.newBufferedWriter(properties)) {
        config.store(out, "freshet test broker");
      }
      String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
      Process format =
          java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("format.log").toFile())
              .start();
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new IllegalStateException(
            "cannot format Kafka storage: " + Files.readString(directory.resolve("format.log")));
      }
      LocalKafka broker = new LocalKafka(directory, port);
      if (stopAtExit) {
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-kafka-" + port));
      }
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a Kafka broker: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JVM with this test run's class path, which holds the broker. */
  private static ProcessBuilder java(String mainClass, String... arguments) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.level=WARN",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command);
  }

  private synchronized void launch() throws IOException {
    process =
        java("kafka.Kafka", directory.resolve("server.properties").toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
            .start();
    awaitReady();
  }

  private void awaitReady() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited: " + tail());
      }
      try (Admin admin = Admin.create(properties)) {
        admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
        return;
      } catch (Exception notYet) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("the Kafka broker did not answer within 90 s: " + tail());
  }

  private String tail() throws IOException {
    Path log = directory.resolve("broker.log");
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Stops the broker, keeping its data and ports. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts the stopped broker again, on the same port with the same data. */
  public synchronized void restart() {
    try {
      stop();
      launch();
    } catch (IOException e) {
      throw new IllegalStateException("cannot restart the Kafka broker: " + e.getMessage(), e);
    }
  }

  /** Stops the broker and removes its data. */
  @Override
  public void close() {
    stop();
    // A leftover temporary directory is reported by nobody and harms nothing.
    FileUtils.deleteQuietly(directory.toFile());
  }

  /** The temporary directory holding the broker's configuration, data and log. */
  public Path directory() {
    return directory;
  }
}
