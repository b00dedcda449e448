package dev.freshet.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.logging.FeatureLogs;
import dev.freshet.runtime.serving.OnlineFeatures;
import dev.freshet.runtime.serving.ServedStore;
import dev.freshet.runtime.serving.ServingIndex;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.TestRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.server.HttpServerConfiguration;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the direct path answers when the read itself fails in a way no contract test can cause. */
class DirectOnlineFeaturesTest {
  private static final FeatureViewSpec TRIPS =
      new FeatureViewSpec(
          "trips",
          List.of("driver"),
          List.of(new JoinKeySpec("driver_id", ValueType.INT64)),
          "src",
          Duration.ZERO,
          true,
          List.of(new FeatureSpec("trips", ValueType.INT64, false)),
          "",
          Map.of(),
          "");

  @Test
  void anErrorOpeningTheStoreIsA500WithTheFaultBodyAndCounted() {
    FeatureRegistry registry = new TestRegistry(List.of(), List.of(TRIPS));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // What a deployment missing the Redis client's classes meets on its first read.
    ServedStore unloadable =
        new ServedStore(
            () -> {
              throw new NoClassDefFoundError("redis/clients/jedis/UnifiedJedis");
            });
    OnlineFeatures onlineFeatures =
        new OnlineFeatures(
            new ServingIndex(registry),
            unloadable,
            new ServingConfig(),
            meters,
            new FeatureLogs(List.of(), registry, new FreshetConfig(), meters),
            registry);
    DirectOnlineFeatures direct =
        new DirectOnlineFeatures(
            onlineFeatures,
            new AccessRules(new ServingConfig()),
            meters,
            new ServingConfig(),
            new HttpServerConfiguration(),
            true,
            true);

    FullHttpResponse response =
        direct.answer(
            HttpVersion.HTTP_1_1,
            "{\"features\": [\"trips:trips\"], \"entities\": {\"driver_id\": [1]}}"
                .getBytes(StandardCharsets.UTF_8),
            null,
            ByteBufAllocator.DEFAULT.buffer());
    try {
      assertThat(response.status().code()).isEqualTo(500);
      assertThat(response.content().toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"error\":\"InternalError\",\"code\":\"FRESHET-API-018\",\"message\":\"the server failed on this request; its log says why\"}");
      assertThat(response.headers().getInt("Content-Length"))
          .isEqualTo(response.content().readableBytes());
      assertThat(
              meters
                  .get("http.server.requests")
                  .tag("status", "500")
                  .tag("exception", "NoClassDefFoundError")
                  .timer()
                  .count())
          .isEqualTo(1);
    } finally {
      response.release();
    }
  }
}
