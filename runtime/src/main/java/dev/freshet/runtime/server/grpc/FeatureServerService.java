package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.serving.GrpcFeatureServerGrpc;
import dev.freshet.feast.proto.serving.PushRequest;
import dev.freshet.feast.proto.serving.PushResponse;
import dev.freshet.feast.proto.serving.WriteToOnlineStoreRequest;
import dev.freshet.feast.proto.serving.WriteToOnlineStoreResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code feast.serving.GrpcFeatureServer}, the service of Feast's Python gRPC server: {@code Push}
 * through the pushes of {@code POST /push}, {@code WriteToOnlineStore} (a feature view's row,
 * online, past its sources) through the same checks, {@code GetOnlineFeatures} as {@link
 * ServingService}'s.
 */
final class FeatureServerService extends GrpcFeatureServerGrpc.GrpcFeatureServerImplBase {
  private final GrpcPushes pushes;

  FeatureServerService(GrpcPushes pushes) {
    this.pushes = pushes;
  }

  @Override
  public void push(PushRequest request, StreamObserver<PushResponse> response) {
    try {
      pushes.push(request);
    } catch (RuntimeException e) {
      response.onError(
          GrpcStatuses.of(e, GrpcFeatureServerGrpc.getPushMethod().getFullMethodName()));
      return;
    }
    response.onNext(PushResponse.newBuilder().setStatus(true).build());
    response.onCompleted();
  }

  @Override
  public void writeToOnlineStore(
      WriteToOnlineStoreRequest request, StreamObserver<WriteToOnlineStoreResponse> response) {
    try {
      pushes.writeToOnlineStore(request);
    } catch (RuntimeException e) {
      response.onError(
          GrpcStatuses.of(
              e, GrpcFeatureServerGrpc.getWriteToOnlineStoreMethod().getFullMethodName()));
      return;
    }
    response.onNext(WriteToOnlineStoreResponse.newBuilder().setStatus(true).build());
    response.onCompleted();
  }
}
