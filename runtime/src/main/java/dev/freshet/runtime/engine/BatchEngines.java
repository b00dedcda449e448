package dev.freshet.runtime.engine;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.historical.DuckDbOfflineEngine;
import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.runtime.materialize.LatestRowsWriter;
import dev.freshet.spec.FeatureRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** Opens the engine a command or the configuration names. */
public final class BatchEngines {
  /** The built-in engine. */
  public static final String DUCKDB = OfflineConfig.DEFAULT_ENGINE;

  /** freshet-spark's engine; named here only to say what to add when it is missing. */
  public static final String SPARK = "spark";

  private BatchEngines() {}

  /**
   * The engine named {@code name} (case-insensitive).
   *
   * @throws EngineUnavailableException for an unknown name, or an engine whose module is missing
   */
  public static BatchEngine open(
      String name,
      FeatureRegistry registry,
      FreshetConfig config,
      OfflineConfig offline,
      OnlineStoreConfig online) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    if (wanted.equals(DUCKDB)) {
      return duckDb(new DuckDbOfflineEngine(registry, config, offline));
    }
    List<String> names = new ArrayList<>(List.of(DUCKDB));
    for (BatchEngineProvider provider :
        ServiceLoader.load(BatchEngineProvider.class, BatchEngines.class.getClassLoader())) {
      if (provider.name().equals(wanted)) {
        try {
          return provider.open(registry, config, offline, online);
        } catch (NoClassDefFoundError missing) {
          // The engine's module is here, what it runs on is not (a jar without Spark beside it).
          throw new EngineUnavailableException(
              (wanted.equals(SPARK)
                      ? "freshet-spark is on the class path but Spark 4's jars"
                          + " (org.apache.spark:spark-sql_2.13) are not: keep the spark-jars"
                          + " directory the build writes beside the jar, add them to the class"
                          + " path, or run under spark-submit"
                      : "the "
                          + wanted
                          + " engine is on the class path but a class it needs is not")
                  + " (missing "
                  + missing.getMessage().replace('/', '.')
                  + "); or use --engine duckdb",
              missing);
        }
      }
      names.add(provider.name());
    }
    if (wanted.equals(SPARK)) {
      throw new EngineUnavailableException(
          "the spark engine is not on the class path: add freshet-spark (dev.freshet:freshet-spark)"
              + " and Spark 4's jars (org.apache.spark:spark-sql_2.13) to it, or run under"
              + " spark-submit with freshet-spark in --jars; or use --engine duckdb");
    }
    throw new EngineUnavailableException(
        "there is no offline engine '" + name + "'; the engines here are " + names);
  }

  /** DuckDB: {@code historical} for retrieval, materialization in this process. */
  public static BatchEngine duckDb(OfflineEngine historical) {
    return new BatchEngine() {
      @Override
      public String name() {
        return DUCKDB;
      }

      @Override
      public OfflineEngine historical() {
        return historical;
      }

      @Override
      public Optional<LatestRowsWriter> materialization() {
        return Optional.empty();
      }

      @Override
      public void close() {}
    };
  }
}
