package dev.freshet.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The registry in one JSON file under the repository, readable and diffable. Every change is a
 * read-modify-write under a file lock, written to a temporary file and renamed into place, so a
 * crash never leaves half a registry and two processes never lose each other's changes.
 */
public final class FileRegistryStore implements RegistryStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A file lock guards against other processes only; threads of this one queue here first. */
  private static final ConcurrentHashMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final String project;

  public FileRegistryStore(Path file, String project) {
    this.file = file;
    this.project = project;
  }

  @Override
  public Map<String, String> appliedObjects() {
    Map<String, String> objects = new TreeMap<>();
    JsonNode applied = read().path("objects");
    for (Iterator<Map.Entry<String, JsonNode>> it = applied.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      objects.put(entry.getKey(), entry.getValue().toString());
    }
    return objects;
  }

  @Override
  public void replaceObjects(Map<String, String> objects) {
    update(
        root -> {
          ObjectNode applied = JSON.createObjectNode();
          new TreeMap<>(objects).forEach((key, json) -> applied.set(key, parse(json)));
          root.set("objects", applied);
          root.put("applied_at", Instant.now().toString());
        });
  }

  @Override
  public List<Interval> intervals(String view, String store) {
    List<Interval> intervals = new ArrayList<>();
    for (JsonNode interval : read().path("materialization_intervals").path(view)) {
      if (!interval.path("online_store").asText("").equals(store)) {
        continue; // another store's, or recorded before intervals were kept per store
      }
      intervals.add(
          new Interval(
              Instant.parse(interval.get("start").asText()),
              Instant.parse(interval.get("end").asText())));
    }
    return intervals;
  }

  @Override
  public void recordInterval(String view, String store, Interval interval) {
    update(
        root -> {
          ObjectNode all =
              root.has("materialization_intervals")
                  ? (ObjectNode) root.get("materialization_intervals")
                  : root.putObject("materialization_intervals");
          ArrayNode intervals = all.has(view) ? (ArrayNode) all.get(view) : all.putArray(view);
          intervals
              .addObject()
              .put("online_store", store)
              .put("start", interval.start().toString())
              .put("end", interval.end().toString());
        });
  }

  @Override
  public void forgetView(String view) {
    update(
        root -> {
          if (root.has("materialization_intervals")) {
            ((ObjectNode) root.get("materialization_intervals")).remove(view);
          }
        });
  }

  @Override
  public String describe() {
    return "file " + file;
  }

  @Override
  public void close() {}

  private JsonNode read() {
    if (!Files.exists(file)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      String stored = root.path("project").asText(project);
      if (!stored.equals(project)) {
        throw new RegistryException(
            "the registry "
                + file
                + " belongs to project '"
                + stored
                + "', not '"
                + project
                + "'; set freshet.registry.path to another file, or freshet.project to '"
                + stored
                + "'");
      }
      return root;
    } catch (IOException e) {
      throw new RegistryException("cannot read the registry " + file + ": " + e.getMessage(), e);
    }
  }

  private void update(Consumer<ObjectNode> change) {
    synchronized (
        IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object())) {
      updateLocked(change);
    }
  }

  private void updateLocked(Consumer<ObjectNode> change) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path lock = file.resolveSibling(file.getFileName() + ".lock");
      try (FileChannel channel =
          FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        // Released when the channel closes, after the file is in place.
        channel.lock();
        ObjectNode root = (ObjectNode) read().deepCopy();
        root.put("project", project);
        change.accept(root);
        Path temporary =
            Files.createTempFile(
                file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        JSON.writeValue(temporary.toFile(), root);
        try {
          Files.move(
              temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new RegistryException("cannot write the registry " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new RegistryException("not JSON: " + json, e);
    }
  }

  /**
   * A file lock on {@code <registry file>.<name>.lock}: shared by the processes of one machine that
   * use this file registry (a file registry serves one machine).
   */
  @Override
  public Optional<RegistryLock> tryLock(String name) {
    Path lockFile =
        file.resolveSibling(
            file.getFileName() + "." + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".lock");
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      java.nio.channels.FileChannel channel =
          java.nio.channels.FileChannel.open(
              lockFile,
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.WRITE);
      java.nio.channels.FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException heldHere) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      java.nio.channels.FileLock held = lock;
      return Optional.of(
          () -> {
            try (channel) {
              held.release();
            } catch (IOException e) {
              // closing the channel releases the lock
            }
          });
    } catch (IOException e) {
      throw new RegistryException(
          "cannot take the lock file " + lockFile + ": " + e.getMessage(), e);
    }
  }
}
