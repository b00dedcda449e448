package dev.freshet.runtime.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was applied for this project, and what was materialized. Objects are keyed {@code kind/name}
 * ({@code feature_view/driver_hourly_stats}) and stored as their canonical JSON.
 */
public interface RegistryStore extends AutoCloseable {

  /** The applied objects; empty when nothing was applied yet. */
  Map<String, String> appliedObjects();

  /** Makes {@code objects} the applied set, in one step. */
  void replaceObjects(Map<String, String> objects);

  /**
   * The intervals materialized for {@code view} into the online store {@code store} (its {@link
   * dev.freshet.runtime.online.OnlineStore#identity}), oldest first: each store has its own, so
   * that a new store is loaded rather than taken to hold what another was given.
   */
  List<Interval> intervals(String view, String store);

  /** The latest interval of {@code view} in {@code store}, if any. */
  default Optional<Interval> lastInterval(String view, String store) {
    List<Interval> intervals = intervals(view, store);
    return intervals.stream().max(java.util.Comparator.comparing(Interval::end));
  }

  void recordInterval(String view, String store, Interval interval);

  /** Forgets the intervals of a view that was deleted, in every store. */
  void forgetView(String view);

  /**
   * Takes the lock {@code name} of this project if no process holds it, without waiting.
   *
   * @return the lock, to close when done; empty when another holder has it
   */
  Optional<RegistryLock> tryLock(String name);

  /** For messages: {@code file data/registry.json}. */
  String describe();

  @Override
  void close();
}
