package dev.freshet.runtime.server.grpc;

import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.server.ErrorMapping;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link ErrorKind} as one gRPC status code, with the message the HTTP API answers and the
 * kind's id and name in the trailers ({@code freshet-error-code: FRESHET-API-005}, {@code
 * freshet-error: FeatureNotFound}); a fault's own message and stack trace never reach a client. The
 * table in docs/grpc-api.md is this switch.
 */
final class GrpcStatuses {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcStatuses.class);

  static final Metadata.Key<String> ERROR_CODE =
      Metadata.Key.of("freshet-error-code", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> ERROR =
      Metadata.Key.of("freshet-error", Metadata.ASCII_STRING_MARSHALLER);

  private GrpcStatuses() {}

  /** The code of a kind: Feast's servers answer a bad reference with INVALID_ARGUMENT. */
  static Status.Code code(ErrorKind kind) {
    return switch (kind) {
      case MALFORMED_REQUEST,
          FEATURE_VIEW_NOT_FOUND,
          FEATURE_NOT_FOUND,
          OFFLINE_PUSH_MISMATCH,
          OFFLINE_PUSH_UNSUPPORTED,
          INVALID_HISTORICAL_REQUEST,
          MATERIALIZATION_FAILED,
          SOURCE_UNREADABLE,
          UNSUPPORTED_CONTENT_ENCODING,
          UNDECODABLE_BODY,
          TRANSFORM_FAILED ->
          Status.Code.INVALID_ARGUMENT;
      case FEATURE_SERVICE_NOT_FOUND, PUSH_SOURCE_NOT_FOUND -> Status.Code.NOT_FOUND;
      case REQUEST_TOO_LARGE, TOO_MANY_ROWS -> Status.Code.RESOURCE_EXHAUSTED;
      case NOT_FOUND, METHOD_NOT_ALLOWED -> Status.Code.UNIMPLEMENTED;
      case UNAUTHORIZED -> Status.Code.UNAUTHENTICATED;
      case FORBIDDEN -> Status.Code.PERMISSION_DENIED;
      case ONLINE_STORE_UNAVAILABLE, SERVER_BUSY -> Status.Code.UNAVAILABLE;
      case INTERNAL_ERROR -> Status.Code.INTERNAL;
    };
  }

  /** A refusal or failure of {@code kind}, answered with {@code message}. */
  static StatusRuntimeException of(ErrorKind kind, String message) {
    Metadata trailers = new Metadata();
    trailers.put(ERROR_CODE, kind.id());
    trailers.put(ERROR, kind.error());
    return Status.fromCode(code(kind)).withDescription(message).asRuntimeException(trailers);
  }

  /** What a failed call answers; a fault is logged with its stack trace, here only. */
  static StatusRuntimeException of(Throwable failure, String method) {
    ErrorMapping.Answer answer = ErrorMapping.of(failure);
    if (answer.kind() == ErrorKind.INTERNAL_ERROR) {
      LOG.error("{} failed", method, failure);
    } else if (answer.isFault()) {
      LOG.warn("{}: {}", method, answer.message());
    } else {
      LOG.debug("{}: {}", method, answer.message());
    }
    return of(answer.kind(), answer.message());
  }
}
