package dev.freshet.runtime.cli;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.engine.BatchEngine;
import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.runtime.historical.HistoricalQuery;
import dev.freshet.spec.FeatureRegistry;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code get-historical-features}: training data, point-in-time correct, to a file. */
@Command(
    name = "get-historical-features",
    description = {
      "Adds to each entity row (join keys and event_timestamp; other columns pass through) the"
          + " value each feature had as of the row's event_timestamp, within the view's ttl, and"
          + " writes the rows, in their order, to a Parquet or CSV file."
    },
    footer = {
      "%nExample:",
      "  get-historical-features --entities entities.csv --feature-service model_v2 --out training.parquet"
    },
    mixinStandardHelpOptions = true)
public class GetHistoricalFeaturesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--entities",
      required = true,
      paramLabel = "FILE",
      description = "Entity rows: a .parquet or .csv file.")
  Path entities;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Features features;

  static class Features {
    @Option(
        names = "--features",
        split = ",",
        paramLabel = "VIEW:FEATURE",
        description = "Features to add, e.g. driver_hourly_stats:conv_rate.")
    List<String> references;

    @Option(
        names = "--feature-service",
        paramLabel = "NAME",
        description = "Add the features of this feature service.")
    String service;
  }

  @Option(
      names = "--full-feature-names",
      description = "Name columns view__feature rather than feature.")
  boolean fullFeatureNames;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write: a .parquet or .csv file, replaced once complete.")
  Path out;

  @Mixin EngineOption engine;

  @Inject HistoricalFeatures historical;

  @Inject FeatureRegistry registry;

  @Inject FreshetConfig freshet;

  @Inject OfflineConfig offline;

  @Inject OnlineStoreConfig online;

  @Override
  public void run() {
    if (engine.isDuckDb(offline)) {
      run(historical);
      return;
    }
    try (BatchEngine opened = engine.open(registry, freshet, offline, online)) {
      run(new HistoricalFeatures(registry, opened.historical()));
    }
  }

  private void run(HistoricalFeatures historical) {
    HistoricalQuery query =
        features.service != null
            ? historical.featureService(features.service, fullFeatureNames)
            : historical.features(features.references, fullFeatureNames);
    long started = System.nanoTime();
    long rows = historical.write(query, EntityRows.file(entities), out);
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %,d rows with %d features to %s in %.1f s%n",
            rows, query.features().size(), out, (System.nanoTime() - started) / 1e9);
  }
}
