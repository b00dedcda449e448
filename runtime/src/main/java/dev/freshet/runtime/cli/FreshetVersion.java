package dev.freshet.runtime.cli;

import picocli.CommandLine.IVersionProvider;

/** The runtime's version, from its jar manifest. */
public class FreshetVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = FreshetVersion.class.getPackage().getImplementationVersion();
    return new String[] {"Freshet " + (version == null ? "(development build)" : version)};
  }
}
