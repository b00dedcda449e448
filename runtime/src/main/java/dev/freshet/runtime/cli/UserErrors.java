package dev.freshet.runtime.cli;

import dev.freshet.runtime.engine.EngineUnavailableException;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.materialize.MaterializationException;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.registry.RegistryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures a user can act on (a configuration value that does not read, a store that is
 * down or in use, a bad source, a wrong argument) into one line on standard error and exit code 1.
 * Anything else is a bug: its stack trace is printed too.
 */
public final class UserErrors implements IExecutionExceptionHandler {
  static final int FAILED = 1;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine command, ParseResult parseResult) {
    String configuration = ConfigurationErrors.describe(exception);
    Throwable known = known(exception);
    if (configuration != null) {
      command.getErr().println("error: " + configuration);
    } else if (known != null) {
      command.getErr().println("error: " + known.getMessage());
    } else {
      command.getErr().println("error: " + exception);
      exception.printStackTrace(command.getErr());
    }
    command.getErr().flush();
    return FAILED;
  }

  /** The cause a user can act on, unwrapped from Micronaut's bean creation exceptions. */
  private static Throwable known(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OnlineStoreException
          || cause instanceof RegistryException
          || cause instanceof SourceReadException
          || cause instanceof MaterializationException
          || cause instanceof EngineUnavailableException
          || cause instanceof RequestException
          || cause instanceof IllegalArgumentException) {
        return cause;
      }
    }
    return null;
  }
}
