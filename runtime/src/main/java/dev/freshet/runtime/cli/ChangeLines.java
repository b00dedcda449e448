package dev.freshet.runtime.cli;

import dev.freshet.runtime.registry.Change;
import dev.freshet.runtime.registry.RegistryStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** What {@code plan} and {@code apply} print: one line per change, or that there is none. */
final class ChangeLines {
  private ChangeLines() {}

  static void print(
      PrintWriter out, List<Change> changes, Function<Change, String> line, RegistryStore store) {
    changes.forEach(change -> out.println(line.apply(change)));
    if (changes.isEmpty()) {
      out.println("No changes to " + store.describe() + ".");
    }
    out.flush();
  }
}
