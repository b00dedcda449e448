package dev.freshet.processor.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Where the feature repository's root is at compile time, against which a source's relative path
 * resolves: the {@code -Afreshet.repoPath} option when given, else the module's base directory that
 * Maven's class output ({@code <module>/target/classes}, or {@code target/test-classes}) is in.
 */
public final class RepositoryRoot {
  private RepositoryRoot() {}

  /** The root, or empty when neither the option nor the class output says. */
  public static Optional<Path> find(String option, Filer filer) {
    if (option != null && !option.isBlank()) {
      return Optional.of(Path.of(option).toAbsolutePath().normalize());
    }
    try {
      FileObject marker = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "freshet-root");
      return fromClassOutput(marker.toUri());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // no class output on disk: the files are not known
    }
  }

  /**
   * The module's base directory of a file directly in Maven's class output: {@code
   * file:/repo/target/classes/x} gives {@code /repo}; anything else gives empty.
   */
  static Optional<Path> fromClassOutput(URI fileInClassOutput) {
    if (!"file".equals(fileInClassOutput.getScheme())) {
      return Optional.empty();
    }
    Path classes = Path.of(fileInClassOutput).getParent();
    if (classes == null || classes.getFileName() == null || classes.getParent() == null) {
      return Optional.empty();
    }
    String name = classes.getFileName().toString();
    Path target = classes.getParent();
    boolean maven =
        (name.equals("classes") || name.equals("test-classes"))
            && target.getFileName() != null
            && target.getFileName().toString().equals("target");
    return maven ? Optional.ofNullable(target.getParent()) : Optional.empty();
  }
}
