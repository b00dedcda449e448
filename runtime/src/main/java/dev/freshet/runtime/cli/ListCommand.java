package dev.freshet.runtime.cli;

import dev.freshet.spec.FeatureRegistry;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code list}: prints every definition of the repository. */
@Command(
    name = "list",
    description =
        "Prints the entities, data sources, feature views and feature services defined in this repository.",
    mixinStandardHelpOptions = true)
public class ListCommand implements Runnable {
  @Spec CommandSpec spec;

  @Inject FeatureRegistry registry;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(RegistryListing.render(registry));
    out.flush();
  }
}
