package dev.freshet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.FileUtils;

/**
 * A Spark standalone cluster on loopback: a master and two one-core workers, each a child JVM
 * started from the Spark jars on this JVM's class path (nothing downloaded), for the tests of
 * modules that have Spark on their test class path. The executors the workers start get the class
 * path {@link #driverSettings} names. Every process is stopped by its id in {@link #close}, the
 * executors (the workers' children) first.
 */
public final class SparkStandaloneCluster implements AutoCloseable {
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  private final Path directory;
  private final int port;
  private final int webUiPort;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();

  private SparkStandaloneCluster(Path directory) {
    this.directory = directory;
    this.port = FreePorts.next();
    this.webUiPort = FreePorts.next();
  }

  /** Starts the master and two workers, and waits until both workers have registered. */
  public static SparkStandaloneCluster start() throws IOException {
    SparkStandaloneCluster cluster =
        new SparkStandaloneCluster(Files.createTempDirectory("freshet-spark"));
    try {
      // The workers build their executors' class path from SPARK_HOME's jars directory, which must
      // exist; it stays empty, the class path comes from spark.executor.extraClassPath.
      Files.createDirectories(cluster.directory.resolve("home/jars"));
      cluster.launch(
          "master",
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          Integer.toString(cluster.port),
          "--webui-port",
          Integer.toString(cluster.webUiPort));
      for (int i = 1; i <= 2; i++) {
        Path work = Files.createDirectories(cluster.directory.resolve("work-" + i));
        cluster.workers.add(
            cluster.launch(
                "worker-" + i,
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(FreePorts.next()),
                "--webui-port",
                Integer.toString(FreePorts.next()),
                "--cores",
                "1",
                "--memory",
                "512m",
                "--work-dir",
                work.toString(),
                cluster.masterUrl()));
      }
      cluster.awaitAliveWorkers(2, Duration.ofSeconds(90));
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + port;
  }

  /**
   * The Spark settings a driver needs for the cluster: executors of 512 MB (what a worker offers),
   * this JVM's class path and module flags, everything on loopback.
   */
  public Map<String, String> driverSettings() {
    return driverSettings(System.getProperty("java.class.path"));
  }

  /**
   * The same settings with the executors' class path given: a job whose own classes travel in its
   * jar (spark-submit's) gives Spark's jars only, as a Spark distribution's workers have them.
   */
  public Map<String, String> driverSettings(String executorClassPath) {
    Map<String, String> settings = new HashMap<>();
    settings.put("spark.executor.memory", "512m");
    settings.put("spark.executor.cores", "1");
    settings.put("spark.executor.extraClassPath", executorClassPath);
    settings.put("spark.executor.extraJavaOptions", String.join(" ", moduleFlags()));
    settings.put("spark.driver.host", "127.0.0.1");
    settings.put("spark.driver.bindAddress", "127.0.0.1");
    settings.put("spark.ui.enabled", "false");
    settings.put("spark.sql.shuffle.partitions", "4");
    settings.put("spark.default.parallelism", "2");
    return settings;
  }

  /** Kills a worker and its executor at once, as a lost machine. */
  public void killWorker(int index) throws InterruptedException {
    stop(workers.get(index - 1));
  }

  /** The {@code --add-opens} (and other module) flags this JVM was started with. */
  public static List<String> moduleFlags() {
    List<String> flags = new ArrayList<>();
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens")
          || argument.startsWith("-Djdk.reflect.useDirectMethodHandle")
          || argument.startsWith("-Dio.netty.tryReflectionSetAccessible")
          || argument.equals("-XX:+IgnoreUnrecognizedVMOptions")) {
        flags.add(argument);
      }
    }
    return flags;
  }

  private Process launch(String name, String mainClass, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(moduleFlags());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", directory.resolve("home").toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("SPARK_MASTER_HOST");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private void awaitAliveWorkers(int expected, Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "a Spark process exited (" + process.exitValue() + "): " + logs());
        }
      }
      try (InputStream in =
          URI.create("http://127.0.0.1:" + webUiPort + "/json/").toURL().openStream()) {
        last = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Matcher alive = ALIVE_WORKERS.matcher(last);
        if (alive.find() && Integer.parseInt(alive.group(1)) >= expected) {
          return;
        }
      } catch (IOException notYet) {
        // the master's UI is not up yet
      }
      sleep(250);
    }
    throw new IllegalStateException(
        "the cluster did not get " + expected + " workers in " + timeout + ": " + last + logs());
  }

  /** The processes' logs, for a failure's message. */
  public String logs() {
    StringBuilder text = new StringBuilder();
    try (var files = Files.list(directory)) {
      for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        String content = Files.readString(log);
        text.append("\n--- ")
            .append(log.getFileName())
            .append('\n')
            .append(content.substring(Math.max(0, content.length() - 4000)));
      }
    } catch (IOException e) {
      text.append("\n(cannot read the logs: ").append(e.getMessage()).append(')');
    }
    return text.toString();
  }

  private static void stop(Process process) throws InterruptedException {
    // The executors are the workers' children: stop them first, then the process itself.
    List<ProcessHandle> children = process.descendants().toList();
    for (ProcessHandle child : children) {
      child.destroyForcibly();
    }
    process.destroyForcibly();
    for (ProcessHandle child : children) {
      child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    // Workers first, so that the master does not see them leave one by one and relaunch anything.
    List<Process> order = new ArrayList<>(processes);
    java.util.Collections.reverse(order);
    for (Process process : order) {
      try {
        stop(process);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    FileUtils.deleteQuietly(directory.toFile());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
