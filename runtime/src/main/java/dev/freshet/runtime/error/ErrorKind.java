package dev.freshet.runtime.error;

/**
 * Every kind of error the runtime answers a request with, once: its stable id (users search for it;
 * it never changes meaning), the name Feast-style bodies carry as {@code error}, and its HTTP
 * status. Transports map a kind to their own code (HTTP here, gRPC later), never a message or a
 * call site. The table in docs/http-api.md is checked against this one by a test.
 */
public enum ErrorKind {
  MALFORMED_REQUEST(
      "FRESHET-API-001",
      "MalformedRequest",
      422,
      "the body, or a value in it, is not what the endpoint takes"),
  REQUEST_TOO_LARGE(
      "FRESHET-API-002",
      "RequestTooLarge",
      413,
      "the body is larger than micronaut.server.max-request-size"),
  TOO_MANY_ROWS(
      "FRESHET-API-003",
      "TooManyRows",
      413,
      "more entity rows or pushed rows than freshet.serving.max-entity-rows"),
  FEATURE_VIEW_NOT_FOUND(
      "FRESHET-API-004", "FeatureViewNotFound", 404, "no feature view of that name"),
  FEATURE_NOT_FOUND(
      "FRESHET-API-005", "FeatureNotFound", 404, "the view has no feature of that name"),
  FEATURE_SERVICE_NOT_FOUND(
      "FRESHET-API-006", "FeatureServiceNotFound", 404, "no feature service of that name"),
  PUSH_SOURCE_NOT_FOUND(
      "FRESHET-API-007", "PushSourceNotFound", 404, "no push source of that name"),
  OFFLINE_PUSH_MISMATCH(
      "FRESHET-API-008",
      "OfflinePushMismatch",
      422,
      "a push to the offline store lacks a column the views read, or has one the file lacks"),
  OFFLINE_PUSH_UNSUPPORTED(
      "FRESHET-API-009",
      "OfflinePushUnsupported",
      422,
      "a column of the batch source has a type a push cannot write"),
  INVALID_HISTORICAL_REQUEST(
      "FRESHET-API-010",
      "InvalidHistoricalRequest",
      422,
      "entity rows or features that a point-in-time join cannot take"),
  MATERIALIZATION_FAILED(
      "FRESHET-API-011",
      "MaterializationFailed",
      422,
      "a materialization could not run as asked; nothing was recorded"),
  SOURCE_UNREADABLE(
      "FRESHET-API-012",
      "SourceUnreadable",
      422,
      "a batch source cannot be read (missing, not Parquet, wrong column types)"),
  NOT_FOUND("FRESHET-API-013", "NotFound", 404, "no endpoint at that path"),
  METHOD_NOT_ALLOWED(
      "FRESHET-API-014", "MethodNotAllowed", 405, "the endpoint does not take that method"),
  UNAUTHORIZED(
      "FRESHET-API-015",
      "Unauthorized",
      401,
      "the endpoint needs a bearer token, and the request has not got the right one"),
  FORBIDDEN("FRESHET-API-016", "Forbidden", 403, "the server's role does not answer the endpoint"),
  ONLINE_STORE_UNAVAILABLE(
      "FRESHET-API-017",
      "OnlineStoreUnavailable",
      503,
      "the online store did not answer; the request may be retried"),
  INTERNAL_ERROR(
      "FRESHET-API-018", "InternalError", 500, "a fault of the server's; its log says why"),
  SERVER_BUSY(
      "FRESHET-API-019",
      "ServerBusy",
      503,
      "the server decodes as many request bytes as it takes at once; retry after Retry-After seconds"),
  UNSUPPORTED_CONTENT_ENCODING(
      "FRESHET-API-020",
      "UnsupportedContentEncoding",
      415,
      "the body's Content-Encoding is neither gzip, deflate nor identity"),
  UNDECODABLE_BODY(
      "FRESHET-API-021",
      "UndecodableBody",
      400,
      "the body is not in the encoding its Content-Encoding names"),
  TRANSFORM_FAILED(
      "FRESHET-API-022",
      "TransformFailed",
      422,
      "an on-demand view's transform threw on an entity row");

  private final String id;
  private final String error;
  private final int status;
  private final String meaning;

  ErrorKind(String id, String error, int status, String meaning) {
    this.id = id;
    this.error = error;
    this.status = status;
    this.meaning = meaning;
  }

  /** The stable id, {@code FRESHET-API-004}. */
  public String id() {
    return id;
  }

  /** The name a response's body carries as {@code error}, {@code FeatureViewNotFound}. */
  public String error() {
    return error;
  }

  public int status() {
    return status;
  }

  /** When the kind is answered, as the docs say it. */
  public String meaning() {
    return meaning;
  }
}
