package dev.freshet.runtime.cli;

import dev.freshet.runtime.registry.Applier;
import dev.freshet.runtime.registry.Change;
import dev.freshet.runtime.registry.RegistryStore;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code apply}: records the compiled definitions in the registry store. */
@Command(
    name = "apply",
    description = {
      "Records this jar's definitions in the registry store and prints what changed, one line per"
          + " object. A feature view deleted from the code loses its online data."
    },
    footer = {"%nExample:", "  apply"},
    mixinStandardHelpOptions = true)
public class ApplyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Inject Applier applier;

  @Inject RegistryStore registryStore;

  @Override
  public void run() {
    ChangeLines.print(spec.commandLine().getOut(), applier.apply(), Change::done, registryStore);
  }
}
