package dev.freshet.runtime.cli;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.engine.BatchEngine;
import dev.freshet.runtime.materialize.MaterializationJob;
import dev.freshet.runtime.registry.Applier;
import dev.freshet.spec.FeatureRegistry;
import jakarta.inject.Inject;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code materialize START END}: loads the latest values of a time range into the online store. */
@Command(
    name = "materialize",
    description = {
      "Writes to the online store, per entity, the latest row of each view's batch source whose"
          + " event time is between START and END (both included). Times are ISO-8601 (without"
          + " offset: UTC) or dates."
    },
    footer = {
      "%nExamples:",
      "  materialize 2021-04-01 2021-04-13T00:00:00",
      "  materialize 2021-04-01 now --views driver_hourly_stats"
    },
    mixinStandardHelpOptions = true)
public class MaterializeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "START", converter = InstantConverter.class)
  Instant start;

  @Parameters(index = "1", paramLabel = "END", converter = InstantConverter.class)
  Instant end;

  @Mixin MaterializeOptions options;

  @Mixin EngineOption engine;

  @Inject MaterializationJob job;

  @Inject FeatureRegistry registry;

  @Inject OfflineConfig offline;

  @Inject OnlineStoreConfig online;

  @Inject Applier applier;

  @Inject FreshetConfig freshet;

  @Override
  public void run() {
    MaterializeOptions.requireApplied(applier, freshet);
    if (engine.isDuckDb(offline)) {
      job.materialize(
          options.views, start, end, MaterializeOptions.progress(spec.commandLine().getOut()));
      return;
    }
    try (BatchEngine opened = engine.open(registry, freshet, offline, online)) {
      MaterializationJob on = job.on(opened.materialization().orElseThrow());
      on.materialize(
          options.views, start, end, MaterializeOptions.progress(spec.commandLine().getOut()));
    }
  }
}
