package dev.freshet.runtime.cli;

import dev.freshet.runtime.consistency.ConsistencyCheck;
import dev.freshet.runtime.consistency.ConsistencyReport;
import dev.freshet.runtime.consistency.ConsistencyReport.FeatureResult;
import dev.freshet.runtime.historical.HistoricalFeatures;
import dev.freshet.spec.FeatureRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code consistency}: the served-feature logs against training data rebuilt for them. */
@Command(
    name = "consistency",
    description = {
      "Rebuilds each row of a feature service's served-feature logs by point-in-time retrieval at"
          + " the time it was served, compares them feature by feature, and prints the result;"
          + " exits 1 when a feature agrees on fewer rows than --min-match-rate."
    },
    footer = {
      "%nExample:",
      "  consistency --feature-service model_v3 --logs data/feature_logs/model_v3 --out report.json"
    },
    mixinStandardHelpOptions = true)
public class ConsistencyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--feature-service",
      required = true,
      paramLabel = "NAME",
      description = "The feature service whose logs to check.")
  String service;

  @Option(
      names = "--logs",
      required = true,
      paramLabel = "DIR",
      description = "The directory of its log files (freshet.feature-logging.<service>.path).")
  Path logs;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as JSON.")
  Path out;

  @Option(
      names = "--tolerance",
      paramLabel = "X",
      defaultValue = "1e-6",
      description = "Float and double values this close agree (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--min-match-rate",
      paramLabel = "RATE",
      defaultValue = "1.0",
      description =
          "The share of rows, 0 to 1, on which each feature must agree (default: ${DEFAULT-VALUE}).")
  double minMatchRate;

  @Option(
      names = "--strict",
      description =
          "Count rows that differ for an expected cause (a newer row online or offline, served past"
              + " the ttl) as disagreeing too.")
  boolean strict;

  @Option(
      names = "--examples",
      paramLabel = "N",
      defaultValue = "5",
      description = "The worst rows shown per feature (default: ${DEFAULT-VALUE}).")
  int examples;

  @Inject FeatureRegistry registry;

  @Inject HistoricalFeatures historical;

  @Override
  public Integer call() {
    if (minMatchRate < 0 || minMatchRate > 1) {
      throw new IllegalArgumentException(
          "--min-match-rate is " + minMatchRate + "; give a share from 0 to 1");
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance) || examples < 0) {
      throw new IllegalArgumentException(
          "--tolerance takes a finite number of at least 0, and --examples a count of at least 0");
    }
    ConsistencyReport report =
        new ConsistencyCheck(registry, historical).run(service, logs, tolerance, examples);
    spec.commandLine().getOut().printf("%s", report.table());
    if (out != null) {
      try {
        Files.writeString(out, report.json());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
      }
    }
    List<String> below = new ArrayList<>();
    for (FeatureResult feature : report.features()) {
      double rate = feature.agreementRate(strict);
      if (rate < minMatchRate) {
        below.add(String.format(Locale.ROOT, "%s (%.4f)", feature.feature(), rate));
      }
    }
    if (below.isEmpty()) {
      return 0;
    }
    spec.commandLine()
        .getErr()
        .printf(
            "agreement below %s%s: %s%n",
            minMatchRate, strict ? " (strict)" : "", String.join(", ", below));
    return 1;
  }
}
