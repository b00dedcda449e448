package dev.freshet.runtime.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;
import picocli.CommandLine;

/** The entry point of a feature repository's runnable jar. */
public final class FreshetMain {
  private FreshetMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command and returns its exit code. */
  public static int run(String... args) {
    try (ApplicationContext context = ApplicationContext.builder(FreshetMain.class, Environment.CLI).start()) {
      CommandLine commandLine = new CommandLine(FreshetCommand.class, new MicronautFactory(context));
      commandLine.setCommandName(commandName());
      commandLine.setExecutionExceptionHandler(new UserErrors());
      return commandLine.execute(args);
    }
  }

  /** {@code java -jar driver-features.jar} when run from a jar, so that usage shows what to type. */
  static String commandName() {
    try {
      Path location = Path.of(FreshetMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String file = location.getFileName().toString();
      return file.endsWith(".jar") ? "java -jar " + file : "freshet";
    } catch (Exception e) {
      return "freshet";
    }
  }
}
