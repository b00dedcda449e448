package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.inject.Inject;

/**
 * {@code freshet.offline.*}: the engine that runs historical retrievals and materializations from
 * the command line, and its settings.
 */
@ConfigurationProperties("freshet.offline")
public class OfflineConfig {
  /** The engine the commands use unless {@code --engine} names another. */
  public static final String DEFAULT_ENGINE = "duckdb";

  private String memoryLimit;
  private String engine = DEFAULT_ENGINE;
  private final Spark spark;

  public OfflineConfig() {
    this(new Spark());
  }

  @Inject
  public OfflineConfig(Spark spark) {
    this.spark = spark;
  }

  /**
   * DuckDB's memory limit for one retrieval, such as {@code 2GB}; past it, joins spill to disk.
   * Unset: DuckDB's default, 80% of the machine's memory.
   */
  public String getMemoryLimit() {
    return memoryLimit;
  }

  public void setMemoryLimit(String memoryLimit) {
    this.memoryLimit = memoryLimit;
  }

  /** {@code duckdb} (one machine, the default) or {@code spark} (needs freshet-spark). */
  public String getEngine() {
    return engine;
  }

  public void setEngine(String engine) {
    this.engine = engine;
  }

  public Spark getSpark() {
    return spark;
  }

  /** {@code freshet.offline.spark.*}. */
  @ConfigurationProperties("spark")
  public static class Spark {
    private String master = "local[*]";

    /**
     * Where the Spark engine's jobs run: {@code local[*]}, {@code local[2]}, {@code
     * spark://host:7077}, ... Under {@code spark-submit}, the master it was given wins. Other Spark
     * settings are read as Spark reads them: {@code -Dspark.x=y} system properties, or {@code
     * spark-submit --conf}.
     */
    public String getMaster() {
      return master;
    }

    public void setMaster(String master) {
      this.master = master;
    }
  }
}
