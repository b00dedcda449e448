package dev.freshet.runtime.serving;

import dev.freshet.runtime.online.OnlineStore;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

/**
 * The online store that reads are served from, opened by the first read rather than when this bean
 * is made (the store opens when a job first needs it), and then held: resolving the bean on every
 * read showed in the server's profile.
 */
@Singleton
public class ServedStore {
  private final BeanProvider<OnlineStore> provider;
  private volatile OnlineStore opened;

  public ServedStore(BeanProvider<OnlineStore> provider) {
    this.provider = provider;
  }

  public OnlineStore get() {
    OnlineStore store = opened;
    if (store == null) {
      store = provider.get();
      opened = store;
    }
    return store;
  }
}
