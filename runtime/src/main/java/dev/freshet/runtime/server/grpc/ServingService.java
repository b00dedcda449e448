package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.serving.GetFeastServingInfoRequest;
import dev.freshet.feast.proto.serving.GetFeastServingInfoResponse;
import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * {@code feast.serving.ServingService}, the service of Feast's Java and Go servers; its {@code
 * GetOnlineFeatures} is bound by {@link GrpcReads#answeringReads}, which answers it in bytes.
 */
final class ServingService extends ServingServiceGrpc.ServingServiceImplBase {
  @Override
  public void getFeastServingInfo(
      GetFeastServingInfoRequest request, StreamObserver<GetFeastServingInfoResponse> response) {
    response.onNext(GetFeastServingInfoResponse.newBuilder().setVersion(version()).build());
    response.onCompleted();
  }

  /** {@code freshet <version>}, from the runtime jar's manifest. */
  static String version() {
    String version = ServingService.class.getPackage().getImplementationVersion();
    return "freshet " + (version == null ? "(development build)" : version);
  }
}
