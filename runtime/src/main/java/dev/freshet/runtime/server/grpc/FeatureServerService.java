package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.serving.GrpcFeatureServerGrpc;
import dev.freshet.feast.proto.serving.PushRequest;
import dev.freshet.feast.proto.serving.PushResponse;
import dev.freshet.feast.proto.serving.WriteToOnlineStoreRequest;
import dev.freshet.feast.proto.serving.WriteToOnlineStoreResponse;
import io.grpc.MethodDescriptor;
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
    write(
        () -> pushes.push(request),
        GrpcFeatureServerGrpc.getPushMethod(),
        PushResponse.newBuilder().setStatus(true).build(),
        response);
  }

  @Override
  public void writeToOnlineStore(
      WriteToOnlineStoreRequest request, StreamObserver<WriteToOnlineStoreResponse> response) {
    write(
        () -> pushes.writeToOnlineStore(request),
        GrpcFeatureServerGrpc.getWriteToOnlineStoreMethod(),
        WriteToOnlineStoreResponse.newBuilder().setStatus(true).build(),
        response);
  }

  /** Runs {@code write}; answers {@code written} once it is done, or the status of its failure. */
  private static <R> void write(
      Runnable write, MethodDescriptor<?, R> method, R written, StreamObserver<R> response) {
    try {
      write.run();
    } catch (RuntimeException e) {
      response.onError(GrpcStatuses.of(e, method.getFullMethodName()));
      return;
    }
    response.onNext(written);
    response.onCompleted();
  }
}
