package dev.freshet.bench.definitions;

import dev.freshet.annotations.Entity;

/** The benchmark's entity. */
@Entity
public interface Rider {
  long riderId();
}
