package dev.freshet.runtime.server.grpc;

import dev.freshet.runtime.server.AccessRules;
import dev.freshet.runtime.server.AccessRules.Access;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

/**
 * Roles and tokens over gRPC as over HTTP ({@link AccessRules}), from the {@code authorization:
 * Bearer <token>} metadata: reads need the read token and a role that reads, pushes the write token
 * and a role that pushes; {@code GetFeastServingInfo} is open, as {@code /health} is.
 */
final class GrpcAccess implements ServerInterceptor {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final AccessRules rules;

  GrpcAccess(AccessRules rules) {
    this.rules = rules;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    AccessRules.Refusal refusal = rules.check(access(method), method, headers.get(AUTHORIZATION));
    if (refusal == null) {
      return next.startCall(call, headers);
    }
    StatusRuntimeException refused = GrpcStatuses.of(refusal.kind(), refusal.message());
    call.close(refused.getStatus(), refused.getTrailers());
    return new ServerCall.Listener<>() {};
  }

  private static Access access(String method) {
    return switch (method.substring(method.lastIndexOf('/') + 1)) {
      case "GetOnlineFeatures" -> Access.READ;
      case "Push", "WriteToOnlineStore" -> Access.WRITE;
      default -> null;
    };
  }
}
