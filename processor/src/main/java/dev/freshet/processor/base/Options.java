package dev.freshet.processor.base;

import java.util.Set;

/** The processor's options, given to javac as {@code -Aname=value}. */
public final class Options {
  /** The feature repository's project name; see {@code FeatureRegistry.project()}. */
  public static final String PROJECT = "freshet.project";

  private Options() {}

  /** Every option, for {@code getSupportedOptions}: javac warns about any other. */
  public static Set<String> all() {
    return Set.of(PROJECT);
  }
}
