package dev.freshet.bench;

/** {@code java -Xmx512m -jar freshet-bench.jar materialization [ROWS] [ENTITIES]}. */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !args[0].equals("materialization")) {
      System.err.println("usage: java -Xmx512m -jar freshet-bench.jar materialization [ROWS] [ENTITIES]");
      System.exit(2);
    }
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    long entities = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
    MaterializationBenchmark.run(rows, entities);
    System.exit(0);
  }
}
