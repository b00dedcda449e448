package dev.freshet.runtime.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: lists the subcommands when run alone. */
@Command(
    name = "freshet",
    description = "Runs the jobs of this Freshet feature repository.",
    mixinStandardHelpOptions = true,
    versionProvider = FreshetVersion.class,
    subcommands = {
      ListCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      MaterializeCommand.class,
      MaterializeIncrementalCommand.class,
      GetOnlineFeaturesCommand.class,
      GetHistoricalFeaturesCommand.class,
      ConsistencyCommand.class,
      EmitEventsCommand.class,
      ServeCommand.class,
      CompletionCommand.class
    })
public class FreshetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
