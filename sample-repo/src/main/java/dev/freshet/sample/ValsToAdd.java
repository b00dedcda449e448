package dev.freshet.sample;

import dev.freshet.annotations.RequestSource;

/** A value the caller sends with each request, as in Feast's on-demand tutorial. */
@RequestSource
public interface ValsToAdd {
  long valToAdd();
}
