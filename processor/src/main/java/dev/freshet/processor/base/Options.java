package dev.freshet.processor.base;

import java.util.Set;

/** The processor's options, given to javac as {@code -Aname=value}. */
public final class Options {
  /** The feature repository's project name; see {@code FeatureRegistry.project()}. */
  public static final String PROJECT = "freshet.project";

  /**
   * The feature repository's root, against which a source's relative path resolves at compile time;
   * without it, the module's base directory that Maven's class output is in.
   */
  public static final String REPO_PATH = "freshet.repoPath";

  private Options() {}

  /** Every option, for {@code getSupportedOptions}: javac warns about any other. */
  public static Set<String> all() {
    return Set.of(PROJECT, REPO_PATH);
  }
}
