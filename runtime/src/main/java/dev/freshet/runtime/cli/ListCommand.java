package dev.freshet.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.runtime.registry.RegistryDescription;
import dev.freshet.spec.FeatureRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list}: prints every definition of the repository. */
@Command(
    name = "list",
    description =
        "Prints the entities, data sources, feature views and feature services defined in this repository.",
    footer = {"%nExamples:", "  list", "  list --json"},
    mixinStandardHelpOptions = true)
public class ListCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      description =
          "Print the definitions as JSON (as the processor generated them) instead of a table.")
  boolean json;

  @Inject FeatureRegistry registry;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? definitionsJson(registry) : RegistryListing.render(registry));
    out.flush();
  }

  /** The registry's generated JSON description, as it is in the jar, indented. */
  private static String definitionsJson(FeatureRegistry registry) {
    ObjectNode description =
        RegistryDescription.of(registry)
            .orElseThrow(
                () -> new IllegalStateException("the jar has no " + FeatureRegistry.JSON_RESOURCE));
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(description)
          + System.lineSeparator();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
