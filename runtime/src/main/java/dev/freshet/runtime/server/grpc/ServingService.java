package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.serving.GetFeastServingInfoRequest;
import dev.freshet.feast.proto.serving.GetFeastServingInfoResponse;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesRequest;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse;
import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import io.grpc.stub.StreamObserver;

/** {@code feast.serving.ServingService}, the service of Feast's Java and Go servers. */
final class ServingService extends ServingServiceGrpc.ServingServiceImplBase {
  private final GrpcReads reads;

  ServingService(GrpcReads reads) {
    this.reads = reads;
  }

  @Override
  public void getFeastServingInfo(
      GetFeastServingInfoRequest request, StreamObserver<GetFeastServingInfoResponse> response) {
    response.onNext(GetFeastServingInfoResponse.newBuilder().setVersion(version()).build());
    response.onCompleted();
  }

  @Override
  public void getOnlineFeatures(
      GetOnlineFeaturesRequest request, StreamObserver<GetOnlineFeaturesResponse> response) {
    GetOnlineFeaturesResponse answer;
    try {
      answer = reads.read(request);
    } catch (RuntimeException e) {
      response.onError(
          GrpcStatuses.of(e, ServingServiceGrpc.getGetOnlineFeaturesMethod().getFullMethodName()));
      return;
    }
    response.onNext(answer);
    response.onCompleted();
  }

  /** {@code freshet <version>}, from the runtime jar's manifest. */
  static String version() {
    String version = ServingService.class.getPackage().getImplementationVersion();
    return "freshet " + (version == null ? "(development build)" : version);
  }
}
