package dev.freshet.runtime.cli;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.materialize.ConsoleProgress;
import dev.freshet.runtime.materialize.MaterializationException;
import dev.freshet.runtime.registry.Applier;
import dev.freshet.runtime.registry.Change;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code materialize} and {@code materialize-incremental} share. */
public class MaterializeOptions {
  @Option(
      names = "--views",
      split = ",",
      paramLabel = "VIEW",
      description = "Only these feature views (comma-separated); default: every online view.")
  List<String> views = new ArrayList<>();

  static ConsoleProgress progress(PrintWriter out) {
    return new ConsoleProgress(out, System.console() != null);
  }

  /** Materializing definitions that were not applied would leave the registry behind the store. */
  static void requireApplied(Applier applier, FreshetConfig config) {
    List<Change> plan = applier.plan();
    List<Change> pending = plan.stream().filter(c -> c.action() != Change.Action.DELETE).toList();
    if (!plan.isEmpty() && plan.stream().allMatch(c -> c.action() == Change.Action.CREATE)) {
      throw new MaterializationException(
          "no definitions are applied in the registry ("
              + applier.registryDescription()
              + ") of the repository at "
              + config.resolve(".")
              + ": run apply there first, or run from the repository's directory (or set freshet.repo-path)");
    }
    if (!pending.isEmpty()) {
      throw new MaterializationException(
          "this jar's definitions are not applied to the registry ("
              + applier.registryDescription()
              + "): "
              + String.join(", ", pending.stream().map(Change::planned).toList())
              + "; run apply first");
    }
  }
}
