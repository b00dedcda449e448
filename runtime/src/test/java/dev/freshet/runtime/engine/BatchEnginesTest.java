package dev.freshet.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.historical.DuckDbOfflineEngine;
import dev.freshet.testing.TestRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime alone, without freshet-spark: DuckDB is built in, Spark is named as missing. */
class BatchEnginesTest {
  private static BatchEngine open(String name) {
    return BatchEngines.open(
        name,
        new TestRegistry(List.of(), List.of()),
        new FreshetConfig(),
        new OfflineConfig(),
        new OnlineStoreConfig(new OnlineStoreConfig.Redis(), new OnlineStoreConfig.Embedded()));
  }

  @Test
  void duckDbIsBuiltInAndMaterializesInProcess() {
    try (BatchEngine engine = open("DuckDB")) {
      assertThat(engine.name()).isEqualTo("duckdb");
      assertThat(engine.historical()).isInstanceOf(DuckDbOfflineEngine.class);
      assertThat(engine.materialization()).isEmpty();
    }
  }

  @Test
  void sparkWithoutItsModuleSaysWhatToAdd() {
    assertThatThrownBy(() -> open("spark"))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessage(
            "the spark engine is not on the class path: add freshet-spark (dev.freshet:freshet-spark)"
                + " and Spark 4's jars (org.apache.spark:spark-sql_2.13) to it, or run under"
                + " spark-submit with freshet-spark in --jars; or use --engine duckdb");
  }

  @Test
  void anUnknownEngineNamesTheKnownOnes() {
    assertThatThrownBy(() -> open("flink"))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessage("there is no offline engine 'flink'; the engines here are [duckdb]");
  }
}
