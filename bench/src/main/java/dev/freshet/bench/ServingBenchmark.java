package dev.freshet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.bench.ServingWorkload.Request;
import dev.freshet.feast.proto.serving.FieldStatus;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse;
import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.runtime.server.grpc.GrpcTransport;
import dev.freshet.testing.FreePorts;
import dev.freshet.testing.RedisServerProcess;
import io.grpc.ManagedChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.apache.commons.io.FileUtils;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The feature server under load, against a raw baseline in the same run, on {@link
 * ServingWorkload}'s data and requests for 1, 10 and 100 entities.
 *
 * <ul>
 *   <li>Freshet: {@code POST /get-online-features} to the feature server, run in a JVM of its own
 *       as a deployment runs it, over kept-alive HTTP/1.1 connections.
 *   <li>Freshet over gRPC: {@code ServingService/GetOnlineFeatures} (Feast's gRPC API) to the same
 *       server through grpc-java ({@link GrpcLanes}: prepared bytes, one HTTP/2 connection per
 *       lane), connected before the timed calls as HTTP's are; its closed loop starts each call
 *       from the answer before it, on the channel's event loop.
 *   <li>Raw: the same reads done directly with pipelined Jedis connections, one HMGET of the
 *       request's fields per entity, no decoding, no HTTP.
 * </ul>
 *
 * <p>All from this JVM, with the same prepared requests and the same {@link LoadGenerator}: latency
 * open loop at a fixed rate, throughput closed loop with a fixed number of connections.
 */
final class ServingBenchmark {
  /** Distinct prepared requests per size, taken in turn. */
  private static final int PREPARED = 4096;

  /** Connections in the open loop: enough that a slow call does not hold up the next one. */
  private static final int OPEN_LOOP_LANES = 4;

  private ServingBenchmark() {}

  /**
   * @param redisAddress {@code host:port} of a Redis already loaded with {@code entities}, or null
   *     to start one and load it (about 20 minutes for a million entities)
   * @param sizes entities per request, one row of results each
   */
  static void run(
      long entities, int rate, Duration phase, int callers, String redisAddress, int[] sizes)
      throws Exception {
    RedisServerProcess ownRedis = null;
    HostAndPort redis;
    if (redisAddress == null) {
      ownRedis = RedisServerProcess.start();
      redis = ownRedis.hostAndPort();
      ServingWorkload.load(redis, entities);
    } else {
      redis = HostAndPort.from(redisAddress);
    }
    try (ServerProcess server = ServerProcess.start(redis)) {
      Map<Integer, List<Request>> requests = new HashMap<>();
      Map<Integer, List<byte[]>> grpcRequests = new HashMap<>();
      for (int size : sizes) {
        requests.put(size, ServingWorkload.requests(server.uri(), entities, size, PREPARED, size));
        grpcRequests.put(size, GrpcLanes.prepared(requests.get(size)));
        check(server.uri(), requests.get(size).get(0), size);
        checkGrpc(server.grpcPort(), requests.get(size).get(0), size);
      }
      // Long enough for the server's JIT to be done, under what the timed phases send it: a
      // flight recording of 5 s warm-ups showed its C2 compiler thread still busy through the
      // first timed phase. Both shapes of load, as the open loop's requests (each waking an idle
      // event loop) take branches a closed loop does not; and reads of /metrics between loops,
      // as the timed phases read it: the first read after a warm-up without any made the
      // request path's compiled code (Netty's decoder, Micronaut's routing and filters) not
      // entrant, and the server recompiled it through the timed open loop (docs/BENCHMARKS.md).
      System.out.printf(Locale.ROOT, "warming up%n");
      for (int size : sizes) {
        List<Request> prepared = requests.get(size);
        serverCollections(server.uri());
        LoadGenerator.closedLoop(freshet(server.uri(), prepared), callers, Duration.ofSeconds(20));
        serverCollections(server.uri());
        LoadGenerator.openLoop(
            freshet(server.uri(), prepared), OPEN_LOOP_LANES, rate, Duration.ofSeconds(20));
        serverCollections(server.uri());
        LoadGenerator.closedLoop(freshet(server.uri(), prepared), callers, Duration.ofSeconds(5));
        // gRPC's path through the server (grpc-java's Netty, protobuf) is compiled apart from
        // HTTP's: warmed the same two ways.
        List<byte[]> grpcPrepared = grpcRequests.get(size);
        GrpcLanes.closedLoop(server.grpcPort(), grpcPrepared, callers, Duration.ofSeconds(10));
        serverCollections(server.uri());
        LoadGenerator.openLoop(
            GrpcLanes.blocking(server.grpcPort(), grpcPrepared),
            OPEN_LOOP_LANES,
            rate,
            Duration.ofSeconds(10));
        serverCollections(server.uri());
        LoadGenerator.closedLoop(raw(redis, prepared), callers, Duration.ofSeconds(5));
        LoadGenerator.openLoop(raw(redis, prepared), OPEN_LOOP_LANES, rate, Duration.ofSeconds(5));
      }

      System.out.printf(
          Locale.ROOT,
          "%n%-8s | %-24s | %-24s | %-15s | %s%n",
          "entities",
          "Freshet p50 / p99 (ms)",
          "raw p50 / p99 (ms)",
          "ratio p50 / p99",
          "max req/s Freshet / raw");
      for (int size : sizes) {
        List<Request> prepared = requests.get(size);
        double[] serverBefore = serverCollections(server.uri());
        Duration cpuBefore = server.cpu();
        long compilerBefore = server.compilerCpuNanos();
        LoadGenerator.OpenLoop freshetPhase =
            LoadGenerator.openLoop(freshet(server.uri(), prepared), OPEN_LOOP_LANES, rate, phase);
        Duration serverCpu = server.cpu().minus(cpuBefore);
        long compilerCpu = server.compilerCpuNanos() - compilerBefore;
        double[] serverAfter = serverCollections(server.uri());
        serverBefore = serverCollections(server.uri());
        List<byte[]> grpcPrepared = grpcRequests.get(size);
        Duration grpcCpuBefore = server.cpu();
        LoadGenerator.OpenLoop grpcPhase =
            LoadGenerator.openLoop(
                GrpcLanes.blocking(server.grpcPort(), grpcPrepared), OPEN_LOOP_LANES, rate, phase);
        Duration grpcServerCpu = server.cpu().minus(grpcCpuBefore);
        double[] grpcServerAfter = serverCollections(server.uri());
        LoadGenerator.OpenLoop rawPhase =
            LoadGenerator.openLoop(raw(redis, prepared), OPEN_LOOP_LANES, rate, phase);
        Histogram freshet = freshetPhase.latencies();
        Histogram grpc = grpcPhase.latencies();
        Histogram raw = rawPhase.latencies();
        ClosedLoop freshetClosed =
            ClosedLoop.run(
                server,
                phase,
                () -> LoadGenerator.closedLoop(freshet(server.uri(), prepared), callers, phase));
        ClosedLoop grpcClosed =
            ClosedLoop.run(
                server,
                phase,
                () -> GrpcLanes.closedLoop(server.grpcPort(), grpcPrepared, callers, phase));
        ClosedLoop rawClosed =
            ClosedLoop.run(
                server,
                phase,
                () -> LoadGenerator.closedLoop(raw(redis, prepared), callers, phase));
        double freshetMax = freshetClosed.perSecond();
        double grpcMax = grpcClosed.perSecond();
        double rawMax = rawClosed.perSecond();
        System.out.printf(
            Locale.ROOT,
            "%-8d | %8.2f / %8.2f       | %8.2f / %8.2f       | %5.2f / %5.2f   | %,8.0f / %,8.0f = %.2f%n",
            size,
            ms(freshet.getValueAtPercentile(50)),
            ms(freshet.getValueAtPercentile(99)),
            ms(raw.getValueAtPercentile(50)),
            ms(raw.getValueAtPercentile(99)),
            freshet.getValueAtPercentile(50) / (double) raw.getValueAtPercentile(50),
            freshet.getValueAtPercentile(99) / (double) raw.getValueAtPercentile(99),
            freshetMax,
            rawMax,
            freshetMax / rawMax);
        System.out.printf(
            Locale.ROOT,
            "         | Freshet p99.9 %.2f ms, max %.2f ms; raw p99.9 %.2f ms, max %.2f ms (%d calls each)%n",
            ms(freshet.getValueAtPercentile(99.9)),
            ms(freshet.getMaxValue()),
            ms(raw.getValueAtPercentile(99.9)),
            ms(raw.getMaxValue()),
            freshet.getTotalCount());
        System.out.printf(
            Locale.ROOT,
            "         | in Freshet's: server CPU %.3f ms per call (its JIT compilers %s),"
                + " its collections %.0f (%.0f ms);"
                + " the load generator's collections %d (%d ms) in Freshet's, %d (%d ms) in raw's%n",
            ms(serverCpu.toNanos()) / freshet.getTotalCount(),
            compilerBefore < 0
                ? "unknown"
                : String.format(Locale.ROOT, "%.3f ms", ms(compilerCpu) / freshet.getTotalCount()),
            serverAfter[0] - serverBefore[0],
            (serverAfter[1] - serverBefore[1]) * 1000,
            freshetPhase.collections(),
            freshetPhase.collectionMillis(),
            rawPhase.collections(),
            rawPhase.collectionMillis());
        System.out.printf(
            Locale.ROOT,
            "         | gRPC: p50 / p99 %.2f / %.2f ms = %.2f / %.2f of raw's (p99.9 %.2f ms, max %.2f"
                + " ms); max %,.0f req/s = %.2f of raw's; server CPU %.3f ms per call, its"
                + " collections %.0f (%.0f ms); the load generator's collections %d (%d ms)%n",
            ms(grpc.getValueAtPercentile(50)),
            ms(grpc.getValueAtPercentile(99)),
            grpc.getValueAtPercentile(50) / (double) raw.getValueAtPercentile(50),
            grpc.getValueAtPercentile(99) / (double) raw.getValueAtPercentile(99),
            ms(grpc.getValueAtPercentile(99.9)),
            ms(grpc.getMaxValue()),
            grpcMax,
            grpcMax / rawMax,
            ms(grpcServerCpu.toNanos()) / grpc.getTotalCount(),
            grpcServerAfter[0] - serverBefore[0],
            (grpcServerAfter[1] - serverBefore[1]) * 1000,
            grpcPhase.collections(),
            grpcPhase.collectionMillis());
        System.out.printf(
            Locale.ROOT,
            "         | at max req/s, CPU per call: HTTP %s; gRPC %s; raw %s%n",
            freshetClosed.costs(),
            grpcClosed.costs(),
            rawClosed.costs());
      }
    } finally {
      if (ownRedis != null) {
        ownRedis.close();
      }
    }
  }

  /**
   * A closed loop's throughput and what each call cost: the server's CPU (its JIT compilers' apart,
   * as they should be idle after the warm-up) and the load generator's own, which shares the
   * machine's cores with the server and so bounds the throughput of a client that costs more.
   */
  private record ClosedLoop(
      double perSecond, double serverMillis, double compilerMillis, double generatorMillis) {
    static ClosedLoop run(ServerProcess server, Duration phase, Callable<Double> loop)
        throws Exception {
      Duration serverBefore = server.cpu();
      long compilerBefore = server.compilerCpuNanos();
      Duration generatorBefore = ownCpu();
      double perSecond = loop.call();
      double calls = perSecond * phase.toSeconds();
      return new ClosedLoop(
          perSecond,
          ms(server.cpu().minus(serverBefore).toNanos()) / calls,
          compilerBefore < 0 ? -1 : ms(server.compilerCpuNanos() - compilerBefore) / calls,
          ms(ownCpu().minus(generatorBefore).toNanos()) / calls);
    }

    private static Duration ownCpu() {
      return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }

    String costs() {
      return String.format(
          Locale.ROOT,
          "server %.3f ms (JIT %.3f), load generator %.3f ms",
          serverMillis,
          compilerMillis,
          generatorMillis);
    }
  }

  /**
   * The server's collections so far and their pause seconds, from its Prometheus metrics: its
   * pauses are part of what the latencies measure, and the count says how much.
   */
  private static double[] serverCollections(URI server) throws Exception {
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    double count = 0;
    double seconds = 0;
    for (String line : metrics.body().split("\n")) {
      if (line.startsWith("jvm_gc_pause_seconds_count{")) {
        count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith("jvm_gc_pause_seconds_sum{")) {
        seconds += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return new double[] {count, seconds};
  }

  /**
   * The first answer of each size is read whole: 51 columns of {@code size} values, all present.
   */
  private static void check(URI server, Request request, int size) throws Exception {
    try (HttpConnection connection = new HttpConnection(server)) {
      JsonNode results =
          new ObjectMapper().readTree(connection.send(request.http())).get("results");
      if (results.size() != ServingWorkload.expectedColumns()) {
        throw new IllegalStateException(
            "expected " + ServingWorkload.expectedColumns() + " columns, got " + results.size());
      }
      for (JsonNode column : results) {
        for (JsonNode status : column.get("statuses")) {
          if (!status.asText().equals("PRESENT") || column.get("values").size() != size) {
            throw new IllegalStateException("not every value was found: " + column);
          }
        }
      }
    }
  }

  /** The same check of the first answer of each size, over gRPC. */
  private static void checkGrpc(int port, Request request, int size) throws Exception {
    ManagedChannel channel = GrpcLanes.channel(port);
    try {
      GetOnlineFeaturesResponse answer =
          ServingServiceGrpc.newBlockingStub(channel).getOnlineFeatures(request.grpc());
      if (answer.getResultsCount() != ServingWorkload.expectedColumns()) {
        throw new IllegalStateException(
            "expected "
                + ServingWorkload.expectedColumns()
                + " columns over gRPC, got "
                + answer.getResultsCount());
      }
      for (GetOnlineFeaturesResponse.FeatureVector column : answer.getResultsList()) {
        if (column.getValuesCount() != size
            || column.getStatusesList().stream().anyMatch(s -> s != FieldStatus.PRESENT)) {
          throw new IllegalStateException("not every value was found over gRPC: " + column);
        }
      }
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static IntFunction<LoadGenerator.Lane> freshet(URI server, List<Request> requests) {
    return lane -> {
      HttpConnection connection = connect(server);
      return new LoadGenerator.Lane() {
        @Override
        public void call(int request) throws Exception {
          connection.call(requests.get(request % requests.size()).http());
        }

        @Override
        public void close() throws IOException {
          connection.close();
        }
      };
    };
  }

  private static HttpConnection connect(URI server) {
    try {
      return new HttpConnection(server);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static IntFunction<LoadGenerator.Lane> raw(HostAndPort redis, List<Request> requests) {
    return lane -> {
      Jedis jedis = new Jedis(redis);
      return new LoadGenerator.Lane() {
        @Override
        public void call(int request) {
          Request read = requests.get(request % requests.size());
          Pipeline pipeline = jedis.pipelined();
          for (byte[] key : read.keys()) {
            pipeline.hmget(key, read.fields());
          }
          pipeline.sync();
        }

        @Override
        public void close() {
          jedis.close();
        }
      };
    };
  }

  /**
   * Loads Redis and runs the feature server on {@code port} for {@code duration}, for an external
   * load generator ({@code bench/wrk/online-features.lua}).
   */
  static void serveOnly(long entities, int port, Duration duration) throws Exception {
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      ServingWorkload.load(redis.hostAndPort(), entities);
      System.out.printf(Locale.ROOT, "Redis at %s%n", redis.connectionString());
      serve(redis.connectionString(), port, () -> Thread.sleep(duration.toMillis()));
    }
  }

  /**
   * Runs the feature server over a loaded Redis until standard input closes: {@link
   * ServerProcess}'s child.
   */
  static void serveUntilStdinCloses(String redisAddress, int port) throws Exception {
    serve(
        redisAddress,
        port,
        () -> {
          while (System.in.read() >= 0) {
            // the parent holds the pipe open while it measures
          }
        });
  }

  private interface Wait {
    void run() throws Exception;
  }

  private static void serve(String redisAddress, int port, Wait wait) throws Exception {
    Path work = Files.createTempDirectory("freshet-serving-bench");
    try {
      Map<String, Object> properties = new HashMap<>();
      properties.put("freshet.repo-path", work.toString());
      properties.put("freshet.project", ServingWorkload.PROJECT);
      properties.put("freshet.online-store.type", "redis");
      properties.put("freshet.online-store.redis.connection-string", redisAddress);
      properties.put("micronaut.server.port", port);
      // Feast's gRPC API beside HTTP, on a free port the output names.
      properties.put("freshet.grpc.enabled", true);
      properties.put("freshet.grpc.port", 0);
      try (FeatureServer server =
          FeatureServer.start(
              properties, new PrintWriter(System.out), MaterializationProgress.SILENT)) {
        // Before "serving on", which the parent waits for.
        System.out.printf(Locale.ROOT, "gRPC on port %d%n", server.port(GrpcTransport.class));
        System.out.printf(Locale.ROOT, "serving on %s%n", server.url());
        System.out.flush();
        wait.run();
      }
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  /**
   * The feature server in a JVM of its own ({@code FRESHET_SERVER_JAVA_OPTS} are its JVM options),
   * so that the load generator's threads and garbage are not the server's.
   */
  private static final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final URI uri;
    private final int grpcPort;

    private ServerProcess(Process process, URI uri, int grpcPort) {
      this.process = process;
      this.uri = uri;
      this.grpcPort = grpcPort;
    }

    static ServerProcess start(HostAndPort redis) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      String options = System.getenv().getOrDefault("FRESHET_SERVER_JAVA_OPTS", "");
      for (String option : options.trim().split("\\s+")) {
        if (!option.isEmpty()) {
          command.add(option);
        }
      }
      command.addAll(
          List.of(
              "-cp",
              Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                  .toString(),
              BenchMain.class.getName(),
              "feature-server",
              redis.toString(),
              Integer.toString(FreePorts.next())));
      System.out.printf(
          Locale.ROOT,
          "starting the feature server: %s%n",
          String.join(" ", command.subList(0, command.size() - 5)));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<URI> listening = new CompletableFuture<>();
      CompletableFuture<Integer> grpc = new CompletableFuture<>();
      Thread echo =
          new Thread(
              () -> {
                try {
                  for (String line = output.readLine(); line != null; line = output.readLine()) {
                    System.out.println("  server: " + line);
                    if (line.startsWith("gRPC on port ")) {
                      grpc.complete(
                          Integer.parseInt(line.substring("gRPC on port ".length()).trim()));
                    }
                    if (line.startsWith("serving on ")) {
                      listening.complete(URI.create(line.substring("serving on ".length()).trim()));
                    }
                  }
                } catch (java.io.IOException e) {
                  // the child has gone; waitFor below tells
                }
                listening.completeExceptionally(
                    new IllegalStateException("the feature server exited before it listened"));
                grpc.completeExceptionally(
                    new IllegalStateException("the feature server did not say its gRPC port"));
              },
              "server-output");
      echo.setDaemon(true);
      echo.start();
      try {
        URI uri = listening.get(2, TimeUnit.MINUTES);
        return new ServerProcess(process, uri, grpc.get(5, TimeUnit.SECONDS));
      } catch (Exception e) {
        process.destroyForcibly();
        throw e;
      }
    }

    URI uri() {
      return uri;
    }

    int grpcPort() {
      return grpcPort;
    }

    /** CPU time the server's JVM has used so far, all its threads. */
    Duration cpu() {
      return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    /**
     * CPU time the server's JIT compiler threads have used so far, in nanoseconds, from Linux's
     * per-thread scheduler statistics; -1 where there are none. A compiler still busy in a timed
     * phase means the warm-up was too short or of another shape (docs/BENCHMARKS.md).
     */
    long compilerCpuNanos() {
      Path threads = Path.of("/proc", Long.toString(process.pid()), "task");
      if (!Files.isDirectory(threads)) {
        return -1;
      }
      long nanos = 0;
      try (DirectoryStream<Path> each = Files.newDirectoryStream(threads)) {
        for (Path thread : each) {
          try {
            if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
              // schedstat: time on the CPU (ns), time waiting for it, timeslices
              nanos += Long.parseLong(Files.readString(thread.resolve("schedstat")).split(" ")[0]);
            }
          } catch (IOException e) {
            // the thread ended between the listing and the read: its time is no longer counted
          }
        }
      } catch (IOException e) {
        return -1;
      }
      return nanos;
    }

    @Override
    public void close() throws IOException {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
