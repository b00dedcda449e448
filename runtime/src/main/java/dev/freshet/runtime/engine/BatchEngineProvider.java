package dev.freshet.runtime.engine;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.spec.FeatureRegistry;

/**
 * A batch engine a module brings, found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/dev.freshet.runtime.engine.BatchEngineProvider}.
 */
public interface BatchEngineProvider {
  /** The name {@code --engine} and {@code freshet.offline.engine} select it by. */
  String name();

  /** Opens the engine; it may start a session (Spark's) that {@link BatchEngine#close} ends. */
  BatchEngine open(
      FeatureRegistry registry,
      FreshetConfig config,
      OfflineConfig offline,
      OnlineStoreConfig online);
}
