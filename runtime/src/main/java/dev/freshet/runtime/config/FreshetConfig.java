package dev.freshet.runtime.config;

import dev.freshet.spec.FeatureRegistry;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.util.ServiceConfigurationError;

/** {@code freshet.*}: the project and where the feature repository's files are. */
@ConfigurationProperties("freshet")
public class FreshetConfig {
  /** The project when neither configuration nor the registry names one. */
  static final String FALLBACK_PROJECT = "default";

  private String project;
  private String repoPath = ".";

  /**
   * The project name: keys online values (as Feast's project does) and registry records. Unless
   * configured, the one the feature repository's generated registry gives (from its Maven artifact,
   * or its package).
   */
  public String getProject() {
    if (project == null) {
      project = registryProject();
    }
    return project;
  }

  private static String registryProject() {
    try {
      String named = FeatureRegistry.load(FreshetConfig.class.getClassLoader()).project();
      return named == null || named.isBlank() ? FALLBACK_PROJECT : named;
    } catch (IllegalStateException | ServiceConfigurationError e) {
      return FALLBACK_PROJECT; // no registry, or several: the commands that need one say so
    }
  }

  public void setProject(String project) {
    this.project = project;
  }

  /** The root that relative source paths and data directories resolve against. */
  public String getRepoPath() {
    return repoPath;
  }

  public void setRepoPath(String repoPath) {
    this.repoPath = repoPath;
  }

  /** {@code path} resolved against the repository root, unless absolute. */
  public Path resolve(String path) {
    return Path.of(repoPath).toAbsolutePath().normalize().resolve(path).normalize();
  }
}
