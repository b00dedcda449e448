package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.testing.RedisServerProcess;
import dev.freshet.testing.SparkStandaloneCluster;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a Spark job: {@code spark-submit --class dev.freshet.runtime.cli.FreshetMain
 * target/driver-features.jar ...} against a standalone master and two workers, as docs/spark.md
 * gives it. spark-submit is Spark's {@code org.apache.spark.deploy.SparkSubmit}, which the script
 * of a Spark distribution runs, here from the Spark jars of the test class path. Freshet's classes
 * reach the driver and the executors only through the job jar: the class path of both leaves out
 * this module's classes and every Freshet artifact. (An integration test: it needs the jar.)
 */
class SparkSubmitIT {
  private static final Path JAR = Path.of("target", "driver-features.jar").toAbsolutePath();

  static RedisServerProcess redis;
  static SparkStandaloneCluster cluster;

  @TempDir Path root;

  @BeforeAll
  static void startTheCluster() throws Exception {
    redis = RedisServerProcess.start();
    cluster = SparkStandaloneCluster.start();
  }

  @AfterAll
  static void stopTheCluster() {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }

  @Test
  void getHistoricalFeaturesUnderSparkSubmitGivesTheWorkshopsTrainingData() throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    Files.writeString(
        repo.resolve("entities.csv"),
        "driver_id,event_timestamp,label\n"
            + "1001,2021-04-12 10:59:42,1\n"
            + "1002,2021-04-12 08:12:10,0\n");
    Path out = repo.resolve("training.csv");

    Submitted job =
        submit(
            repo,
            Map.of(),
            "get-historical-features",
            "--engine",
            "spark",
            "--entities",
            repo.resolve("entities.csv").toString(),
            "--features",
            "driver_hourly_stats:conv_rate,driver_hourly_stats:acc_rate,"
                + "driver_daily_features:daily_miles_driven",
            "--out",
            out.toString());

    assertThat(job.exitCode()).as(job.output()).isZero();
    assertThat(job.output()).contains("wrote 2 rows with 3 features to " + out);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0))
        .isEqualTo("driver_id,event_timestamp,label,conv_rate,acc_rate,daily_miles_driven");
    // The workshop's row, its floats to the workshop's six decimals.
    String[] first = lines.get(1).split(",");
    assertThat(
            String.format(
                "%s %s %s %.6f %.6f %.6f",
                first[0],
                first[1],
                first[2],
                Float.parseFloat(first[3]),
                Float.parseFloat(first[4]),
                Float.parseFloat(first[5])))
        .isEqualTo("1001 2021-04-12 10:59:42.000000+00 1 0.521149 0.751659 18.926695");
  }

  @Test
  void theJarRunsTheSparkEngineInALocalSessionWithSparksJarsBesideIt() throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    Files.writeString(
        repo.resolve("entities.csv"),
        "driver_id,event_timestamp,label\n1001,2021-04-12 10:59:42,1\n");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfreshet.repo-path=" + repo,
                "-Dfreshet.offline.spark.master=local[2]",
                "-jar",
                JAR.toString(),
                "get-historical-features",
                "--engine",
                "spark",
                "--entities",
                "entities.csv",
                "--features",
                "driver_hourly_stats:conv_rate,driver_hourly_stats:acc_rate,"
                    + "driver_daily_features:daily_miles_driven",
                "--out",
                "training.csv")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    List<String> lines = Files.readAllLines(repo.resolve("training.csv"));
    String[] row = lines.get(1).split(",");
    assertThat(
            String.format(
                "%s %.6f %.6f %.6f",
                row[0],
                Float.parseFloat(row[3]),
                Float.parseFloat(row[4]),
                Float.parseFloat(row[5])))
        .isEqualTo("1001 0.521149 0.751659 18.926695");
  }

  @Test
  void materializeIncrementalUnderSparkSubmitWritesEachDriversLatestRowFromTheExecutors()
      throws Exception {
    Path repo = DriverStats.newRepository(root.resolve("repo"));
    redis.client().flushAll();
    Map<String, String> redisStore =
        Map.of(
            "freshet.online-store.type",
            "redis",
            "freshet.online-store.redis.connection-string",
            redis.connectionString());
    Submitted apply = submit(repo, redisStore, "apply");
    assertThat(apply.exitCode()).as(apply.output()).isZero();

    Submitted job =
        submit(repo, redisStore, "materialize-incremental", "--engine", "spark", "2022-03-15");

    assertThat(job.exitCode()).as(job.output() + cluster.logs()).isZero();
    assertThat(job.output())
        .contains("driver_hourly_stats: 1,807 rows read")
        .contains("5 entities written, 0 skipped as older");
    Map<Long, DriverStats.Row> latest =
        DriverStats.latestPerDriver(repo.resolve("data/driver_stats.parquet"));
    List<Long> drivers = new ArrayList<>(new TreeMap<>(latest).keySet());
    try (OnlineStore store =
        RedisStores.open(
            redis.connectionString(), RedisTopology.STANDALONE, "driver_churn", Duration.ZERO)) {
      List<StoredRow> stored =
          store
              .read(
                  List.of(
                      new ViewRead(
                          FreshetRegistry.VIEW_DRIVER_HOURLY_STATS,
                          List.of("conv_rate", "acc_rate"),
                          drivers.stream().map(d -> List.<Object>of(d)).toList())))
              .get(0);
      for (int i = 0; i < drivers.size(); i++) {
        DriverStats.Row expected = latest.get(drivers.get(i));
        assertThat(stored.get(i).values())
            .as("driver %d", drivers.get(i))
            .containsExactly(expected.convRate(), expected.accRate());
      }
    }
  }

  record Submitted(int exitCode, String output) {}

  /** Runs {@code spark-submit} in client mode against the cluster, the job jar's command last. */
  private Submitted submit(Path repo, Map<String, String> freshet, String... command)
      throws Exception {
    String sparkOnly = sparkClassPath();
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.addAll(SparkStandaloneCluster.moduleFlags());
    line.add("-Xmx512m");
    // In client mode the driver is spark-submit's own JVM: Freshet's settings go to it.
    line.add("-Dfreshet.repo-path=" + repo);
    freshet.forEach((key, value) -> line.add("-D" + key + "=" + value));
    line.addAll(List.of("-cp", sparkOnly, "org.apache.spark.deploy.SparkSubmit"));
    line.addAll(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client"));
    line.addAll(List.of("--class", "dev.freshet.runtime.cli.FreshetMain"));
    cluster
        .driverSettings(sparkOnly)
        .forEach((key, value) -> line.addAll(List.of("--conf", key + "=" + value)));
    line.add(JAR.toString());
    line.addAll(Arrays.asList(command));
    Path output = Files.createTempFile(root, "spark-submit", ".log");
    Process process =
        new ProcessBuilder(line)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      return new Submitted(-1, "timed out: " + Files.readString(output, StandardCharsets.UTF_8));
    }
    return new Submitted(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  /**
   * This JVM's class path without this module's classes, Freshet's artifacts and Micronaut's: Spark
   * and its dependencies, close to what a distribution's jars directory holds. (Micronaut finds
   * Freshet's beans through its own class loader, so it must come from the job jar, as it does on a
   * real cluster, where Spark's jars have no Micronaut.)
   */
  private static String sparkClassPath() {
    Path project = Path.of("").toAbsolutePath().getParent();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().startsWith(project))
        .filter(entry -> !entry.replace(File.separatorChar, '/').contains("/dev/freshet/"))
        .filter(entry -> !entry.replace(File.separatorChar, '/').contains("/io/micronaut/"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
