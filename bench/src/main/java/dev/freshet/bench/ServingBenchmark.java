package dev.freshet.bench;

import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.online.layout.EntityKeys;
import dev.freshet.runtime.online.layout.FieldHashes;
import dev.freshet.runtime.online.layout.Timestamps;
import dev.freshet.runtime.online.layout.Values;
import dev.freshet.runtime.serving.FeatureServer;
import dev.freshet.runtime.testing.RedisServerProcess;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;

/**
 * The feature server under load, against a raw baseline in the same run. The shape of Feast's
 * published benchmark: 25 views of 10 features over ENTITIES entities in a real redis-server;
 * requests of 50 features (5 views) for 1, 10 and 100 entities.
 *
 * <ul>
 *   <li>Freshet: {@code POST /get-online-features} to the feature server (in this JVM, on
 *       loopback), with the JDK's HttpClient.
 *   <li>Raw: the same reads done directly with a pipelined Jedis client: one pipeline of HMGETs
 *       (10 features and the timestamp, per view and entity), no decoding, no HTTP.
 * </ul>
 *
 * <p>Latency is measured open loop at a fixed rate (from the time each request was due, so a
 * stall counts against every request it delays), recorded in HdrHistogram; the maximum throughput
 * closed loop with a fixed number of concurrent callers.
 */
final class ServingBenchmark {
  private static final String PROJECT = "bench";
  private static final int VIEWS = 25;
  private static final int FEATURES = 10;
  private static final int VIEWS_PER_REQUEST = 5;
  private static final List<JoinKeySpec> KEYS = List.of(new JoinKeySpec("rider_id", ValueType.INT64));

  private ServingBenchmark() {}

  static void run(long entities, int rate, Duration phase, int callers) throws Exception {
    Path work = Files.createTempDirectory("freshet-serving-bench");
    try {
      try (RedisServerProcess redis = RedisServerProcess.start()) {
        try (FeatureServer server = loadAndServe(redis, entities, work, -1);
            RedisClient jedis = RedisClient.builder().hostAndPort(redis.hostAndPort()).build()) {
          HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
          URI endpoint = URI.create(server.url() + "/get-online-features");
          ExecutorService rawPool = Executors.newFixedThreadPool(32);
          System.out.printf(Locale.ROOT, "warming up%n");
          closedLoop(() -> freshetCall(http, endpoint, entities, 10), callers, Duration.ofSeconds(10));
          closedLoop(() -> rawCall(jedis, entities, 10), callers, Duration.ofSeconds(5));

          System.out.printf(
              Locale.ROOT,
              "%n%-9s | %-33s | %-33s | %-27s%n",
              "entities", "p50 / p99 at " + rate + " req/s, Freshet", "p50 / p99 at " + rate + " req/s, raw", "max req/s Freshet / raw");
          for (int n : new int[] {1, 10, 100}) {
            int size = n;
            Histogram freshet = openLoop(() -> freshetCallAsync(http, endpoint, entities, size), rate, phase);
            Histogram raw = openLoop(() -> CompletableFuture.runAsync(() -> rawCall(jedis, entities, size), rawPool), rate, phase);
            double freshetMax = closedLoop(() -> freshetCall(http, endpoint, entities, size), callers, phase);
            double rawMax = closedLoop(() -> rawCall(jedis, entities, size), callers, phase);
            System.out.printf(
                Locale.ROOT,
                "%-9d | %7.2f / %7.2f ms (%5.2f / %5.2f) | %7.2f / %7.2f ms               | %,8.0f / %,8.0f = %.2f%n",
                n,
                ms(freshet.getValueAtPercentile(50)),
                ms(freshet.getValueAtPercentile(99)),
                freshet.getValueAtPercentile(50) / (double) raw.getValueAtPercentile(50),
                freshet.getValueAtPercentile(99) / (double) raw.getValueAtPercentile(99),
                ms(raw.getValueAtPercentile(50)),
                ms(raw.getValueAtPercentile(99)),
                freshetMax,
                rawMax,
                freshetMax / rawMax);
          }
          rawPool.shutdownNow();
        }
      }
    } finally {
      RedisServerProcess.deleteRecursively(work);
    }
  }

  /**
   * Loads Redis and runs the feature server on {@code port} for {@code duration}, for an external
   * load generator ({@code bench/wrk/online-features.lua}).
   */
  static void serveOnly(long entities, int port, Duration duration) throws Exception {
    Path work = Files.createTempDirectory("freshet-serving-bench");
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      try (FeatureServer server = loadAndServe(redis, entities, work, port)) {
        System.out.printf(Locale.ROOT, "serving on %s for %s%n", server.url(), duration);
        Thread.sleep(duration.toMillis());
      }
    } finally {
      RedisServerProcess.deleteRecursively(work);
    }
  }

  /** Loads {@code redis} with the benchmark's data and starts a feature server over it. */
  private static FeatureServer loadAndServe(RedisServerProcess redis, long entities, Path work, int port) {
    System.out.printf(Locale.ROOT, "loading %,d entities x %d views x %d features into Redis%n", entities, VIEWS, FEATURES);
    load(redis, entities);
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", work.toString());
    properties.put("freshet.project", PROJECT);
    properties.put("freshet.online-store.type", "redis");
    properties.put("freshet.online-store.redis.connection-string", redis.connectionString());
    properties.put("micronaut.server.port", port);
    return FeatureServer.start(properties, new PrintWriter(System.out), MaterializationProgress.SILENT);
  }

  /** Every entity, all 25 views, in Feast's layout, with pipelined HSETs. */
  private static void load(RedisServerProcess redis, long entities) {
    byte[][][] fields = new byte[VIEWS][FEATURES][];
    byte[][] timestampFields = new byte[VIEWS][];
    for (int v = 0; v < VIEWS; v++) {
      timestampFields[v] = FieldHashes.timestampField(view(v));
      for (int f = 0; f < FEATURES; f++) {
        fields[v][f] = FieldHashes.field(view(v), "f" + f);
      }
    }
    byte[] timestamp = Timestamps.encode(Instant.parse("2022-03-14T14:00:00Z"));
    try (Jedis jedis = redis.client()) {
      Pipeline pipeline = jedis.pipelined();
      for (long id = 0; id < entities; id++) {
        Map<byte[], byte[]> hash = new HashMap<>();
        for (int v = 0; v < VIEWS; v++) {
          hash.put(timestampFields[v], timestamp);
          for (int f = 0; f < FEATURES; f++) {
            hash.put(fields[v][f], Values.encode((float) ((id * 31 + v * 7 + f) % 1000) / 1000f, ValueType.FLOAT));
          }
        }
        pipeline.hset(EntityKeys.redisKey(KEYS, List.of(id), PROJECT), hash);
        if (id % 500 == 499) {
          pipeline.sync();
        }
      }
      pipeline.sync();
    }
  }

  private static String view(int v) {
    return String.format(Locale.ROOT, "stats%02d", v);
  }

  /** 5 views chosen at random, all 10 features of each. */
  private static List<Integer> views() {
    List<Integer> all = new ArrayList<>();
    for (int v = 0; v < VIEWS; v++) {
      all.add(v);
    }
    java.util.Collections.shuffle(all, ThreadLocalRandom.current());
    return all.subList(0, VIEWS_PER_REQUEST);
  }

  private static HttpRequest freshetRequest(URI endpoint, long entities, int size) {
    StringBuilder body = new StringBuilder("{\"features\": [");
    boolean first = true;
    for (int v : views()) {
      for (int f = 0; f < FEATURES; f++) {
        body.append(first ? "" : ", ").append('"').append(view(v)).append(":f").append(f).append('"');
        first = false;
      }
    }
    body.append("], \"entities\": {\"rider_id\": [");
    for (int i = 0; i < size; i++) {
      body.append(i == 0 ? "" : ", ").append(ThreadLocalRandom.current().nextLong(entities));
    }
    body.append("]}, \"full_feature_names\": true}");
    return HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }

  private static void freshetCall(HttpClient http, URI endpoint, long entities, int size) {
    try {
      HttpResponse<byte[]> response = http.send(freshetRequest(endpoint, entities, size), HttpResponse.BodyHandlers.ofByteArray());
      check(response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<?> freshetCallAsync(HttpClient http, URI endpoint, long entities, int size) {
    return http.sendAsync(freshetRequest(endpoint, entities, size), HttpResponse.BodyHandlers.ofByteArray())
        .thenAccept(ServingBenchmark::check);
  }

  private static void check(HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the server answered " + response.statusCode() + ": " + new String(response.body()));
    }
  }

  private static void rawCall(RedisClient jedis, long entities, int size) {
    // As a request reads: the same entities in every view, and views of one entity share its
    // hash, so one HMGET per entity of all the requested fields.
    List<Integer> views = views();
    byte[][] fields = new byte[views.size() * (FEATURES + 1)][];
    int at = 0;
    for (int v : views) {
      for (int f = 0; f < FEATURES; f++) {
        fields[at++] = FieldHashes.field(view(v), "f" + f);
      }
      fields[at++] = FieldHashes.timestampField(view(v));
    }
    try (AbstractPipeline pipeline = jedis.pipelined()) {
      for (int i = 0; i < size; i++) {
        pipeline.hmget(EntityKeys.redisKey(KEYS, List.of(ThreadLocalRandom.current().nextLong(entities)), PROJECT), fields);
      }
      pipeline.sync();
    }
  }


  /** Starts one call every 1/rate seconds for {@code phase}; latency from when each was due. */
  private static Histogram openLoop(java.util.function.Supplier<CompletableFuture<?>> call, int rate, Duration phase)
      throws Exception {
    Recorder recorder = new Recorder(3);
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    long count = phase.toSeconds() * rate;
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      long due = start + i * interval;
      // parkNanos, not sleep: Thread.sleep rounds up to whole milliseconds on Java 17.
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      pending.add(call.get().whenComplete((ignored, failure) -> recorder.recordValue(System.nanoTime() - due)));
    }
    CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).get(1, TimeUnit.MINUTES);
    return recorder.getIntervalHistogram();
  }

  /** Requests per second completed by {@code callers} concurrent callers over {@code phase}. */
  private static double closedLoop(Runnable call, int callers, Duration phase) throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + phase.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      workers.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          call.run();
          done.incrementAndGet();
        }
      }));
    }
    for (var worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return done.get() / (double) phase.toSeconds();
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
