package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.serving.GrpcFeatureServerGrpc;
import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.serving.ServedStore;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.util.Set;

/**
 * The standard {@code grpc.health.v1.Health/Check}, as {@code /health} judges it: SERVING when the
 * online store answers a ping within its read timeout, NOT_SERVING otherwise (and at once while the
 * store is known to be down), for the server ({@code ""}) and for each of its two services. Open to
 * every role and token, as {@code /health} is, so that probes need no secret.
 */
final class GrpcHealth extends HealthGrpc.HealthImplBase {
  private static final Set<String> SERVICES =
      Set.of("", ServingServiceGrpc.SERVICE_NAME, GrpcFeatureServerGrpc.SERVICE_NAME);

  private final ServedStore store;

  GrpcHealth(ServedStore store) {
    this.store = store;
  }

  @Override
  public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> response) {
    if (!SERVICES.contains(request.getService())) {
      response.onError(
          Status.NOT_FOUND
              .withDescription("this server has no service '" + request.getService() + "'")
              .asRuntimeException());
      return;
    }
    ServingStatus status;
    try {
      store.get().ping();
      status = ServingStatus.SERVING;
    } catch (OnlineStoreException e) {
      status = ServingStatus.NOT_SERVING;
    }
    response.onNext(HealthCheckResponse.newBuilder().setStatus(status).build());
    response.onCompleted();
  }
}
