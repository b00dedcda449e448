package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.testing.FreePorts;
import dev.freshet.testing.RedisServerProcess;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** gRPC on a real redis-server, loaded by apply and materialize through the command line. */
class RedisGrpcServingTest extends GrpcServingContract {
  private RedisServerProcess redis;

  @Override
  Map<String, Object> storeProperties() {
    return Map.of(
        "freshet.online-store.type",
        "redis",
        "freshet.online-store.redis.connection-string",
        redis.connectionString());
  }

  @Override
  void prepareStore(Path repo) {
    redis = RedisServerProcess.start();
    try (Jedis jedis = redis.client()) {
      jedis.flushAll();
    }
    Map<String, String> properties =
        Map.of(
            "freshet.repo-path", repo.toString(),
            "freshet.online-store.type", "redis",
            "freshet.online-store.redis.connection-string", redis.connectionString());
    assertThat(Cli.run(properties, "apply").exitCode()).isZero();
    assertThat(Cli.run(properties, "materialize-incremental", "2022-03-15").exitCode()).isZero();
  }

  @AfterAll
  void stopRedis() {
    redis.close();
  }

  @Test
  void healthIsNotServingWhileRedisIsDownAndServingOnceItIsBack() throws Exception {
    try (RedisServerProcess own = RedisServerProcess.start();
        FeatureServer served =
            start(Map.of("freshet.online-store.redis.connection-string", own.connectionString()))) {
      ManagedChannel servedChannel = channel(served);
      try {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(servedChannel);
        HealthCheckRequest server = HealthCheckRequest.getDefaultInstance();
        HealthCheckRequest serving =
            HealthCheckRequest.newBuilder().setService(ServingServiceGrpc.SERVICE_NAME).build();
        assertThat(health.check(server).getStatus())
            .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        own.kill();
        assertThat(health.check(server).getStatus())
            .isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
        assertThat(health.check(serving).getStatus())
            .isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
        own.restart();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HealthCheckResponse.ServingStatus status = health.check(server).getStatus();
        while (status != HealthCheckResponse.ServingStatus.SERVING
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
          status = health.check(server).getStatus();
        }
        assertThat(status).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      } finally {
        servedChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aStoreThatDoesNotAnswerIsNotServingAndReadsAreUnavailable() throws Exception {
    int nobody = FreePorts.next();
    try (FeatureServer unreachable =
        start(Map.of("freshet.online-store.redis.connection-string", "127.0.0.1:" + nobody))) {
      ManagedChannel unreachableChannel = channel(unreachable);
      try {
        assertThat(
                HealthGrpc.newBlockingStub(unreachableChannel)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus())
            .isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
        StatusRuntimeException refused =
            catchThrowableOfType(
                StatusRuntimeException.class,
                () ->
                    ServingServiceGrpc.newBlockingStub(unreachableChannel)
                        .getOnlineFeatures(features("driver_hourly_stats:conv_rate", int64(1001))));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(refused.getStatus().getDescription()).contains("Redis");
        assertThat(
                refused
                    .getTrailers()
                    .get(Metadata.Key.of("freshet-error-code", Metadata.ASCII_STRING_MARSHALLER)))
            .isEqualTo("FRESHET-API-017");
      } finally {
        unreachableChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }
}
