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

/** {@code materialize-incremental END}: materializes each view from where it last ended. */
@Command(
    name = "materialize-incremental",
    description = {
      "Materializes each view from the end of its last materialized interval up to END; a view"
          + " never materialized starts at END minus its ttl (52 weeks when it has none). END is a"
          + " time, a date, or now."
    },
    footer = {"%nExample:", "  materialize-incremental now"},
    mixinStandardHelpOptions = true)
public class MaterializeIncrementalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "END", converter = InstantConverter.class)
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
      job.materializeIncremental(
          options.views, end, MaterializeOptions.progress(spec.commandLine().getOut()));
      return;
    }
    try (BatchEngine opened = engine.open(registry, freshet, offline, online)) {
      MaterializationJob on = job.on(opened.materialization().orElseThrow());
      on.materializeIncremental(
          options.views, end, MaterializeOptions.progress(spec.commandLine().getOut()));
    }
  }
}
