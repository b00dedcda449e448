package dev.freshet.runtime.registry;

import dev.freshet.runtime.online.OnlineStore;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code plan} and {@code apply}: the difference between the applied definitions and those compiled
 * into this jar, and recording the compiled ones. Deleting a feature view from the code and
 * applying removes its online data and its materialization history.
 */
@Singleton
public class Applier {
  private final RegistryStore registry;
  private final BeanProvider<OnlineStore> onlineStore;

  public Applier(RegistryStore registry, BeanProvider<OnlineStore> onlineStore) {
    this.registry = registry;
    this.onlineStore = onlineStore;
  }

  /** What {@code apply} would change, in kind then name order. */
  public List<Change> plan() {
    return diff(registry.appliedObjects(), compiled());
  }

  /** Applies the compiled definitions and returns what changed. */
  public List<Change> apply() {
    Map<String, String> applied = registry.appliedObjects();
    Map<String, String> compiled = compiled();
    List<Change> changes = diff(applied, compiled);
    for (Change change : changes) {
      if (change.action() == Change.Action.DELETE
          && change.object().kind() == ObjectKey.Kind.FEATURE_VIEW) {
        onlineStore
            .get()
            .deleteView(CompiledDefinitions.featureView(applied.get(change.object().key())));
        registry.forgetView(change.object().name());
      }
    }
    if (!changes.isEmpty()) {
      registry.replaceObjects(compiled);
    }
    return changes;
  }

  /** The registry store the definitions are applied to, as messages name it. */
  public String registryDescription() {
    return registry.describe();
  }

  /** Whether every compiled definition is applied as it is compiled. */
  public boolean isApplied() {
    return plan().stream().noneMatch(c -> c.action() != Change.Action.DELETE);
  }

  static List<Change> diff(Map<String, String> applied, Map<String, String> compiled) {
    TreeSet<ObjectKey> keys = new TreeSet<>();
    applied.keySet().forEach(k -> keys.add(ObjectKey.parse(k)));
    compiled.keySet().forEach(k -> keys.add(ObjectKey.parse(k)));
    List<Change> changes = new ArrayList<>();
    for (ObjectKey key : keys) {
      String before = applied.get(key.key());
      String after = compiled.get(key.key());
      if (before == null) {
        changes.add(new Change(Change.Action.CREATE, key));
      } else if (after == null) {
        changes.add(new Change(Change.Action.DELETE, key));
      } else if (!Objects.equals(before, after)) {
        changes.add(new Change(Change.Action.UPDATE, key));
      }
    }
    return changes;
  }

  private static Map<String, String> compiled() {
    return CompiledDefinitions.objects(Thread.currentThread().getContextClassLoader());
  }
}
