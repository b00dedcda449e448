package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.serving.GetOnlineFeaturesRequest;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse;
import dev.freshet.feast.proto.types.RepeatedValue;
import dev.freshet.feast.proto.types.Value;
import dev.freshet.runtime.serving.OnlineAnswer;
import dev.freshet.runtime.serving.OnlineFeatures;
import dev.freshet.runtime.serving.ServingIndex;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GetOnlineFeatures}, of both services: the request's entity values become the scalars the
 * JSON API reads, {@link OnlineFeatures#answer} resolves, types, limits and reads them in one round
 * trip to the store as for {@code POST /get-online-features}, and the answer is written as Feast's
 * column-oriented response straight into its bytes ({@link GrpcAnswers}): join keys first (their
 * values, PRESENT, at the epoch), then features, in the bytes the store holds where their types
 * allow.
 */
final class GrpcReads {
  private final OnlineFeatures onlineFeatures;
  private final ServingIndex index;

  GrpcReads(OnlineFeatures onlineFeatures, ServingIndex index) {
    this.onlineFeatures = onlineFeatures;
    this.index = index;
  }

  /** The answer to {@code request}: a {@code GetOnlineFeaturesResponse}'s bytes. */
  EncodedMessage read(GetOnlineFeaturesRequest request) {
    Map<String, List<Object>> entities = new LinkedHashMap<>();
    // request_context carries the request sources' values, as entities do over HTTP.
    for (Map<String, RepeatedValue> columns :
        List.of(request.getEntitiesMap(), request.getRequestContextMap())) {
      for (Map.Entry<String, RepeatedValue> column : columns.entrySet()) {
        List<Value> values = column.getValue().getValList();
        List<Object> scalars = new ArrayList<>(values.size());
        for (Value value : values) {
          scalars.add(GrpcValues.scalar(value));
        }
        entities.putIfAbsent(column.getKey(), scalars);
      }
    }
    OnlineAnswer answer =
        onlineFeatures.answer(
            request.getKindCase() == GetOnlineFeaturesRequest.KindCase.FEATURE_SERVICE
                ? request.getFeatureService()
                : null,
            request.getKindCase() == GetOnlineFeaturesRequest.KindCase.FEATURES
                ? request.getFeatures().getValList()
                : null,
            entities,
            request.getFullFeatureNames());
    return new EncodedMessage(GrpcAnswers.encode(answer, index::joinKeyType));
  }

  /**
   * {@code service} (bound from its generated base class) with its {@code GetOnlineFeatures}
   * answered here, in bytes: the same method name, request and schema (so reflection describes it
   * as generated), the response sent as {@link GrpcAnswers} wrote it.
   */
  ServerServiceDefinition answeringReads(
      ServerServiceDefinition service,
      MethodDescriptor<GetOnlineFeaturesRequest, GetOnlineFeaturesResponse> generated) {
    MethodDescriptor<GetOnlineFeaturesRequest, EncodedMessage> inBytes =
        generated.toBuilder(generated.getRequestMarshaller(), EncodedMessage.MARSHALLER).build();
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor =
        ServiceDescriptor.newBuilder(original.getName())
            .setSchemaDescriptor(original.getSchemaDescriptor());
    for (MethodDescriptor<?, ?> method : original.getMethods()) {
      descriptor.addMethod(
          method.getFullMethodName().equals(inBytes.getFullMethodName()) ? inBytes : method);
    }
    ServerServiceDefinition.Builder answering = ServerServiceDefinition.builder(descriptor.build());
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      if (method.getMethodDescriptor().getFullMethodName().equals(inBytes.getFullMethodName())) {
        answering.addMethod(
            inBytes,
            ServerCalls.asyncUnaryCall(
                (request, response) -> {
                  EncodedMessage answer;
                  try {
                    answer = read(request);
                  } catch (RuntimeException e) {
                    response.onError(GrpcStatuses.of(e, inBytes.getFullMethodName()));
                    return;
                  }
                  response.onNext(answer);
                  response.onCompleted();
                }));
      } else {
        answering.addMethod(method);
      }
    }
    return answering.build();
  }
}
