package dev.freshet.runtime.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** The entry point of a feature repository's runnable jar. */
public final class FreshetMain {
  private FreshetMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command and returns its exit code. */
  public static int run(String... args) {
    return run(List.of(), args);
  }

  /**
   * Runs one command, with {@code extraCommands} (picocli {@code @Command} classes) added to the
   * standard ones, as a distribution with more commands (the demo jar) does.
   */
  public static int run(List<Class<?>> extraCommands, String... args) {
    UserErrors errors = new UserErrors();
    ApplicationContext context;
    try {
      context = ApplicationContext.builder(FreshetMain.class, Environment.CLI).start();
    } catch (RuntimeException e) {
      // A configuration value that does not read, met by a bean made as the context starts.
      return errors.handleExecutionException(e, new CommandLine(new FreshetCommand()), null);
    }
    try (context) {
      CommandLine commandLine;
      try {
        MicronautFactory factory = new MicronautFactory(context);
        commandLine = new CommandLine(FreshetCommand.class, factory);
        for (Class<?> command : extraCommands) {
          commandLine.addSubcommand(new CommandLine(command, factory));
        }
      } catch (CommandLine.InitializationException e) {
        // A command whose beans cannot be made (a configuration value that does not read) fails
        // as picocli builds the commands, before any runs: it gets the same one line.
        return errors.handleExecutionException(e, new CommandLine(new FreshetCommand()), null);
      }
      commandLine.setCommandName(commandName());
      commandLine.setExecutionExceptionHandler(errors);
      return commandLine.execute(args);
    }
  }

  /**
   * {@code java -jar driver-features.jar} when run from a jar, so that usage shows what to type.
   */
  static String commandName() {
    try {
      Path location =
          Path.of(FreshetMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String file = location.getFileName().toString();
      return file.endsWith(".jar") ? "java -jar " + file : "freshet";
    } catch (Exception e) {
      return "freshet";
    }
  }
}
