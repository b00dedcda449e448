package dev.freshet.runtime.server;

import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.historical.HistoricalRequestException;
import dev.freshet.runtime.materialize.MaterializationException;
import dev.freshet.runtime.materialize.NoSuchViewException;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.runtime.online.OnlineStoreException;
import io.micronaut.http.exceptions.ContentLengthExceededException;

/**
 * Which {@link ErrorKind} a failure is, and what its answer says: the one place that knows, for
 * Micronaut's routes ({@link ErrorResponses}) and the reads answered ahead of them ({@link
 * DirectOnlineFeatures}) and the gRPC services alike. A fault's own message never reaches a client.
 */
public final class ErrorMapping {
  static final String FAULT_MESSAGE = "the server failed on this request; its log says why";
  static final String TOO_LARGE_MESSAGE =
      "the request body is larger than the server accepts (micronaut.server.max-request-size)";

  /** The kind of a failure and the message its answer carries. */
  public record Answer(ErrorKind kind, String message) {
    public boolean isFault() {
      return kind.status() >= 500;
    }
  }

  private ErrorMapping() {}

  public static Answer of(Throwable failure) {
    if (failure instanceof RequestException e) {
      return new Answer(e.kind(), e.getMessage());
    }
    if (failure instanceof NoSuchViewException e) {
      return new Answer(ErrorKind.FEATURE_VIEW_NOT_FOUND, e.getMessage());
    }
    if (failure instanceof MaterializationException e) {
      return new Answer(ErrorKind.MATERIALIZATION_FAILED, e.getMessage());
    }
    if (failure instanceof SourceReadException e) {
      return new Answer(ErrorKind.SOURCE_UNREADABLE, e.getMessage());
    }
    if (failure instanceof HistoricalRequestException e) {
      return new Answer(ErrorKind.INVALID_HISTORICAL_REQUEST, e.getMessage());
    }
    if (failure instanceof OnlineStoreException e) {
      return new Answer(ErrorKind.ONLINE_STORE_UNAVAILABLE, e.getMessage());
    }
    if (failure instanceof io.netty.handler.codec.DecoderException e) {
      return new Answer(
          ErrorKind.UNDECODABLE_BODY,
          "the body cannot be decoded as its Content-Encoding says: " + e.getMessage());
    }
    if (failure instanceof ContentLengthExceededException) {
      return new Answer(ErrorKind.REQUEST_TOO_LARGE, TOO_LARGE_MESSAGE);
    }
    return new Answer(ErrorKind.INTERNAL_ERROR, FAULT_MESSAGE);
  }
}
