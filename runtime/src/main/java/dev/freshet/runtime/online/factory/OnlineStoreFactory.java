package dev.freshet.runtime.online.factory;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.online.FailFastStore;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.WriteTimeViews;
import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.spec.FeatureRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Opens the configured online store the first time a job needs it, and closes it at shutdown. */
@Factory
public class OnlineStoreFactory {

  @Singleton
  @Bean(preDestroy = "close")
  OnlineStore onlineStore(
      FreshetConfig freshet, OnlineStoreConfig config, FeatureRegistry registry) {
    OnlineStore store =
        switch (config.getType()) {
          case EMBEDDED ->
              EmbeddedOnlineStore.open(
                  freshet.resolve(config.getEmbedded().getPath()), freshet.getProject());
          case REDIS ->
              RedisStores.open(
                  config.getRedis().getConnectionString(),
                  config.getRedis().getType(),
                  freshet.getProject(),
                  config.getRedis().getKeyTtl(),
                  config.getRedis().getReadTimeout());
        };
    // A store that stops answering is refused at once and probed, not waited on per call; the
    // write-time on-demand views are written with the views they read, whoever writes those.
    return WriteTimeViews.over(new FailFastStore(store, PROBE_EVERY), registry);
  }

  /** How often a store that stopped answering is probed. */
  private static final Duration PROBE_EVERY = Duration.ofMillis(100);
}
