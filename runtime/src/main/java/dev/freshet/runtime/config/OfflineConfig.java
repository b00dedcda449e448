package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code freshet.offline.*}: the engine that runs historical retrievals. */
@ConfigurationProperties("freshet.offline")
public class OfflineConfig {
  private String memoryLimit;

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
}
