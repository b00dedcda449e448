package dev.freshet.bench;

/**
 * {@code java -Xmx512m -jar freshet-bench.jar materialization [ROWS] [ENTITIES]}, or {@code java
 * -jar freshet-bench.jar serving [ENTITIES] [RATE] [SECONDS] [CALLERS] [LOADED_REDIS|-] [SIZES]};
 * the usage message lists the others.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("serving-server")) {
      long entities = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
      int port = args.length > 2 ? Integer.parseInt(args[2]) : 6570;
      int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 600;
      ServingBenchmark.serveOnly(entities, port, java.time.Duration.ofSeconds(seconds));
      System.exit(0);
    }
    if (args.length > 0 && args[0].equals("serving")) {
      long entities = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
      int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
      int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
      int callers = args.length > 4 ? Integer.parseInt(args[4]) : 8;
      String redis = args.length > 5 && !args[5].equals("-") ? args[5] : null;
      int[] sizes =
          java.util.Arrays.stream((args.length > 6 ? args[6] : "1,10,100").split(","))
              .mapToInt(Integer::parseInt)
              .toArray();
      ServingBenchmark.run(
          entities, rate, java.time.Duration.ofSeconds(seconds), callers, redis, sizes);
      System.exit(0);
    }
    if (args.length > 1 && args[0].equals("serving-load")) {
      long entities = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
      ServingWorkload.load(redis.clients.jedis.HostAndPort.from(args[1]), entities);
      System.exit(0);
    }
    if (args.length > 2 && args[0].equals("feature-server")) {
      ServingBenchmark.serveUntilStdinCloses(args[1], Integer.parseInt(args[2]));
      System.exit(0);
    }
    if (args.length > 0 && args[0].equals("stream")) {
      long events = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
      long entities = args.length > 2 ? Long.parseLong(args[2]) : 100_000L;
      int rate = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
      int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
      boolean repartition = args.length <= 5 || Boolean.parseBoolean(args[5]);
      java.time.Duration commit =
          java.time.Duration.ofMillis(args.length > 6 ? Long.parseLong(args[6]) : 100);
      boolean keyed = args.length <= 7 || !args[7].equals("unkeyed");
      StreamBenchmark.run(events, entities, rate, seconds, repartition, commit, keyed);
      System.exit(0);
    }
    if (args.length > 0 && args[0].equals("historical")) {
      long featureRows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
      long entityRows = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
      long entities = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000L;
      String memoryLimit = args.length > 4 ? args[4] : null;
      HistoricalBenchmark.run(featureRows, entityRows, entities, memoryLimit);
      System.exit(0);
    }
    if (args.length > 0 && args[0].equals("on-demand-serving")) {
      int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
      int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
      int[] sizes =
          java.util.Arrays.stream((args.length > 3 ? args[3] : "1,100").split(","))
              .mapToInt(Integer::parseInt)
              .toArray();
      OnDemandServingBenchmark.run(requests, rounds, sizes);
      System.exit(0);
    }
    if (args.length > 0 && args[0].equals("spark-batch")) {
      long featureRows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
      long entityRows = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
      long rows = args.length > 3 ? Long.parseLong(args[3]) : 10_000_000L;
      long entities = args.length > 4 ? Long.parseLong(args[4]) : 1_000_000L;
      long[] scales =
          java.util.Arrays.stream(
                  (args.length > 5 ? args[5] : "1000000,10000000,30000000").split(","))
              .mapToLong(Long::parseLong)
              .toArray();
      long scaleEntityRows = args.length > 6 ? Long.parseLong(args[6]) : 1_000_000L;
      SparkBatchBenchmark.run(featureRows, entityRows, rows, entities, scales, scaleEntityRows);
      System.exit(0);
    }
    if (args.length == 0 || !args[0].equals("materialization")) {
      System.err.println(
          "usage: java -Xmx512m -jar freshet-bench.jar materialization [ROWS] [ENTITIES]\n"
              + "       java -jar freshet-bench.jar serving [ENTITIES] [RATE] [SECONDS] [CALLERS] [LOADED_REDIS|-] [SIZES]\n"
              + "       java -jar freshet-bench.jar serving-load HOST:PORT [ENTITIES]\n"
              + "       java -jar freshet-bench.jar serving-server [ENTITIES] [PORT] [SECONDS]\n"
              + "       java -Xmx512m -jar freshet-bench.jar historical [FEATURE_ROWS] [ENTITY_ROWS] [ENTITIES] [MEMORY_LIMIT]\n"
              + "       java -jar freshet-bench.jar on-demand-serving [REQUESTS_PER_ROUND] [ROUNDS] [SIZES]\n"
              + "       bench/run-spark-batch [FEATURE_ROWS] [ENTITY_ROWS] [ROWS] [ENTITIES] [SCALES] [SCALE_ENTITY_ROWS]\n"
              + "       java -jar freshet-bench.jar stream [EVENTS] [ENTITIES] [RATE] [SECONDS] [REPARTITION] [COMMIT_MS] [keyed|unkeyed]");
      System.exit(2);
    }
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    long entities = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
    MaterializationBenchmark.run(rows, entities);
    System.exit(0);
  }
}
