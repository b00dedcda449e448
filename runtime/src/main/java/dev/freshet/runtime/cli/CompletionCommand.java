package dev.freshet.runtime.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: a bash (and zsh) completion script for the commands, named {@code freshet}.
 */
@Command(
    name = "completion",
    description = {
      "Prints a bash/zsh completion script for a command named freshet: alias freshet to this jar,"
          + " then source the script."
    },
    footer = {
      "%nExample:",
      "  alias freshet='java -jar target/driver-features.jar'",
      "  source <(freshet completion)"
    },
    mixinStandardHelpOptions = true)
public class CompletionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    CommandLine root = spec.root().commandLine();
    spec.commandLine().getOut().print(AutoComplete.bash("freshet", root));
    spec.commandLine().getOut().flush();
  }
}
