package dev.freshet.bench;

import dev.freshet.bench.definitions.RiderScoreStoredRow;
import dev.freshet.bench.definitions.RiderStatsRow;
import dev.freshet.bench.definitions.RiderTripsRow;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.logging.FeatureLogs;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import dev.freshet.runtime.serving.OnlineFeatures;
import dev.freshet.runtime.serving.ServedStore;
import dev.freshet.runtime.serving.ServingIndex;
import dev.freshet.spec.FeatureRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.FileUtils;

/**
 * The serving cost of an on-demand view: {@code rider_score} (two input views and a request value)
 * asked for beside the twelve stored features it reads, against the same request without it, and
 * against the same answer stored ({@code rider_score_stored}, the same two doubles read from a
 * third view), for 1 and 100 entities, on the embedded store, in process (no HTTP, so the ratios
 * are of Freshet's own work). The requests alternate in rounds in one JVM; each round's CPU time
 * per request is taken from the calling thread, and the medians over rounds are compared.
 */
final class OnDemandServingBenchmark {
  private static final int RIDERS = 1000;
  private static final String STORED =
      "\"rider_stats:f0\", \"rider_stats:f1\", \"rider_stats:f2\", \"rider_stats:f3\","
          + " \"rider_stats:f4\", \"rider_stats:f5\", \"rider_stats:f6\", \"rider_stats:f7\","
          + " \"rider_stats:f8\", \"rider_stats:f9\", \"rider_trips:trips\", \"rider_trips:distance\"";

  private OnDemandServingBenchmark() {}

  static void run(int requestsPerRound, int rounds, int[] sizes) throws Exception {
    Path work = Files.createTempDirectory("freshet-bench-on-demand");
    FeatureRegistry registry =
        FeatureRegistry.load(OnDemandServingBenchmark.class.getClassLoader());
    try (OnlineStore store = EmbeddedOnlineStore.open(work, "bench")) {
      load(store, registry);
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      OnlineFeatures features =
          new OnlineFeatures(
              new ServingIndex(registry),
              new ServedStore(() -> store),
              new ServingConfig(),
              meters,
              new FeatureLogs(List.of(), registry, new FreshetConfig(), meters),
              registry);
      System.out.printf(
          Locale.ROOT,
          "%d riders on the embedded store; %d rounds of %d requests each, alternating%n",
          RIDERS,
          rounds,
          requestsPerRound);
      for (int entities : sizes) {
        byte[] without = request(entities, STORED, false);
        byte[] with =
            request(
                entities, STORED + ", \"rider_score:score\", \"rider_score:fare_per_km\"", true);
        byte[] stored =
            request(
                entities,
                STORED + ", \"rider_score_stored:score\", \"rider_score_stored:fare_per_km\"",
                false);
        check(features, with, entities);
        double[] plain = new double[rounds];
        double[] onDemand = new double[rounds];
        double[] read = new double[rounds];
        // Warm every path before measuring, long enough for the JIT to settle.
        for (int warm = 0; warm < 3; warm++) {
          cpuPerRequest(features, without, requestsPerRound);
          cpuPerRequest(features, with, requestsPerRound);
          cpuPerRequest(features, stored, requestsPerRound);
        }
        for (int round = 0; round < rounds; round++) {
          plain[round] = cpuPerRequest(features, without, requestsPerRound);
          onDemand[round] = cpuPerRequest(features, with, requestsPerRound);
          read[round] = cpuPerRequest(features, stored, requestsPerRound);
        }
        double base = median(plain);
        double added = median(onDemand);
        double storedInstead = median(read);
        System.out.printf(
            Locale.ROOT,
            "%3d entities: 12 stored features %7.1f us CPU/request; + rider_score computed %7.1f"
                + " us (x%.3f); + the same two values stored %7.1f us (x%.3f); computed / stored"
                + " %.3f%n",
            entities,
            base / 1e3,
            added / 1e3,
            added / base,
            storedInstead / 1e3,
            storedInstead / base,
            added / storedInstead);
      }
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  private static void load(OnlineStore store, FeatureRegistry registry) {
    Instant now = Instant.now();
    List<RiderStatsRow> stats = new ArrayList<>();
    List<RiderTripsRow> trips = new ArrayList<>();
    List<RiderScoreStoredRow> scores = new ArrayList<>();
    for (long rider = 0; rider < RIDERS; rider++) {
      float f = rider / 1000f;
      stats.add(new RiderStatsRow(rider, now, now, f, f, f, f, f, f, f, f, f, f));
      trips.add(new RiderTripsRow(rider, now, now, rider % 50, rider * 1.5));
      // What rider_score computes for a fare of 10, digits and all.
      scores.add(
          new RiderScoreStoredRow(
              rider, now, now, f + f + rider * 1.5 / (rider % 50 + 1), 10 / (rider * 1.5 + 1)));
    }
    store.write(registry.featureView("rider_stats").orElseThrow(), stats);
    store.write(registry.featureView("rider_trips").orElseThrow(), trips);
    store.write(registry.featureView("rider_score_stored").orElseThrow(), scores);
  }

  private static byte[] request(int entities, String features, boolean withFare) {
    StringBuilder ids = new StringBuilder();
    StringBuilder fares = new StringBuilder();
    for (int i = 0; i < entities; i++) {
      ids.append(i == 0 ? "" : ", ").append((i * 7) % RIDERS);
      fares.append(i == 0 ? "" : ", ").append(10 + i % 20);
    }
    return ("{\"features\": ["
            + features
            + "], \"entities\": {\"rider_id\": ["
            + ids
            + "]"
            + (withFare ? ", \"fare\": [" + fares + "]" : "")
            + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Refuses to measure a request that does not answer what the transform computes. */
  private static void check(OnlineFeatures features, byte[] request, int entities) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    features.handle(request, out);
    String answer = out.toString(StandardCharsets.UTF_8);
    // Rider 0: f0 + f1 = 0, distance 0, 0 trips: score 0.0; fare 10 / (0 + 1) = 10.0.
    if (!answer.contains("\"values\":[0.0") || !answer.contains("\"values\":[10.0")) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
    if (entities > 1 && !answer.contains("\"PRESENT\"")) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
  }

  private static double cpuPerRequest(OnlineFeatures features, byte[] request, int requests) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < requests; i++) {
      out.reset();
      features.handle(request, out);
    }
    return (double) (threads.getCurrentThreadCpuTime() - start) / requests;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
