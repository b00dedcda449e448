package dev.freshet.runtime.server;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.config.RegistryConfig;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;

/**
 * What a server's start may create in the repository (the file registry and its lock, the embedded
 * store, the directories holding them), noted before it starts, so that a start that fails removes
 * what it created and leaves the repository as it found it.
 */
final class StartLeftovers {
  /** Created by the start when absent before: removed whole. */
  private final List<Path> created = new ArrayList<>();

  /** Directories absent before: removed when nothing else is left in them. */
  private final List<Path> directories = new ArrayList<>();

  private StartLeftovers() {}

  static StartLeftovers noteBefore(ApplicationContext context) {
    StartLeftovers leftovers = new StartLeftovers();
    FreshetConfig freshet = context.getBean(FreshetConfig.class);
    RegistryConfig registry = context.getBean(RegistryConfig.class);
    OnlineStoreConfig store = context.getBean(OnlineStoreConfig.class);
    if (registry.getType() == RegistryConfig.Type.FILE) {
      Path file = freshet.resolve(registry.getPath());
      leftovers.note(file, file.resolveSibling(file.getFileName() + ".lock"));
    }
    if (store.getType() == OnlineStoreConfig.Type.EMBEDDED) {
      leftovers.note(freshet.resolve(store.getEmbedded().getPath()));
    }
    return leftovers;
  }

  private void note(Path... paths) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        created.add(path);
      }
      for (Path parent = path.getParent();
          parent != null && !Files.exists(parent) && !directories.contains(parent);
          parent = parent.getParent()) {
        directories.add(parent);
      }
    }
  }

  /** Removes what the failed start created; call after the stores it opened are closed. */
  void remove() {
    created.forEach(path -> FileUtils.deleteQuietly(path.toFile()));
    for (Path directory : directories) { // innermost first
      try {
        Files.deleteIfExists(directory);
      } catch (IOException notEmpty) {
        // something else is in it now: not the start's to remove
      }
    }
  }
}
