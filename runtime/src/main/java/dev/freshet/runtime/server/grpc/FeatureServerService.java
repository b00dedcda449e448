package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.serving.GrpcFeatureServerGrpc;
import dev.freshet.feast.proto.serving.PushRequest;
import dev.freshet.feast.proto.serving.PushResponse;
import dev.freshet.feast.proto.serving.WriteToOnlineStoreRequest;
import dev.freshet.feast.proto.serving.WriteToOnlineStoreResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * {@code feast.serving.GrpcFeatureServer}, the service of Feast's Python gRPC server: {@code Push}
 * through the pushes of {@code POST /push}, {@code GetOnlineFeatures} as {@link ServingService}'s.
 * {@code WriteToOnlineStore}, which writes a feature view's row past its sources, is not served:
 * push the row to the view's push source instead.
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
    response.onError(
        Status.UNIMPLEMENTED
            .withDescription(
                "WriteToOnlineStore is not served; push the row to the view's push source with"
                    + " Push")
            .asRuntimeException());
  }
}
