package dev.freshet.runtime.registry;

/**
 * A lock held in the registry store, shared by every process of a deployment that uses the same
 * store: a PostgreSQL advisory lock, or a file lock next to a file registry.
 */
public interface RegistryLock extends AutoCloseable {
  /** Releases the lock. */
  @Override
  void close();
}
