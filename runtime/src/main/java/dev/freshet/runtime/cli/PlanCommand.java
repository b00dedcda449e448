package dev.freshet.runtime.cli;

import dev.freshet.runtime.registry.Applier;
import dev.freshet.runtime.registry.Change;
import dev.freshet.runtime.registry.RegistryStore;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code plan}: what {@code apply} would change, changing nothing. */
@Command(
    name = "plan",
    description =
        "Prints what apply would change in the registry store, without changing anything.",
    footer = {"%nExample:", "  plan"},
    mixinStandardHelpOptions = true)
public class PlanCommand implements Runnable {
  @Spec CommandSpec spec;

  @Inject Applier applier;

  @Inject RegistryStore registryStore;

  @Override
  public void run() {
    ChangeLines.print(spec.commandLine().getOut(), applier.plan(), Change::planned, registryStore);
  }
}
