package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshet.runtime.historical.HistoricalRequestException;
import dev.freshet.runtime.materialize.MaterializationException;
import dev.freshet.runtime.materialize.NoSuchViewException;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.runtime.online.OnlineStoreException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure as Feast-compatible JSON, {@code {"error": ..., "message": ...}}: client mistakes
 * as 4xx naming the problem, faults of the stores as 5xx. No stack trace reaches a client.
 */
@Controller
public class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
  private static final JsonFactory JSON = new JsonFactory();
  /** The error of a store that is down, 503. */
  static final String STORE_DOWN = "OnlineStoreUnavailable";
  /** The error and message of a fault of the server's, 500; the log has the rest. */
  static final String FAULT = "InternalError";
  static final String FAULT_MESSAGE = "the server failed on this request; its log says why";

  @Error(global = true, exception = ApiException.class)
  public HttpResponse<byte[]> clientMistake(HttpRequest<?> request, ApiException e) {
    return json(e.status(), e.error(), e.getMessage());
  }

  @Error(global = true, exception = ContentLengthExceededException.class)
  public HttpResponse<byte[]> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
    return json(413, "RequestTooLarge", "the request body is larger than the server accepts (micronaut.server.max-request-size)");
  }

  @Error(global = true, exception = OnlineStoreException.class)
  public HttpResponse<byte[]> storeDown(HttpRequest<?> request, OnlineStoreException e) {
    LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
    return json(503, STORE_DOWN, e.getMessage());
  }

  @Error(global = true, exception = NoSuchViewException.class)
  public HttpResponse<byte[]> noSuchView(HttpRequest<?> request, NoSuchViewException e) {
    return json(404, "FeatureViewNotFound", e.getMessage());
  }

  @Error(global = true, exception = MaterializationException.class)
  public HttpResponse<byte[]> materializationFailed(HttpRequest<?> request, MaterializationException e) {
    return json(422, "MaterializationFailed", e.getMessage());
  }

  @Error(global = true, exception = SourceReadException.class)
  public HttpResponse<byte[]> sourceUnreadable(HttpRequest<?> request, SourceReadException e) {
    return json(422, "SourceUnreadable", e.getMessage());
  }

  @Error(global = true, exception = HistoricalRequestException.class)
  public HttpResponse<byte[]> badHistoricalRequest(HttpRequest<?> request, HistoricalRequestException e) {
    return json(422, "InvalidHistoricalRequest", e.getMessage());
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  public HttpResponse<byte[]> notFound(HttpRequest<?> request) {
    return json(404, "NotFound", "there is no " + request.getMethod() + " " + request.getPath()
        + "; the endpoints are POST /get-online-features, POST /get-historical-features, POST /push, POST /materialize,"
        + " POST /materialize-incremental, GET /schedules, GET /health and GET /metrics");
  }

  @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
  public HttpResponse<byte[]> wrongMethod(HttpRequest<?> request) {
    return json(405, "MethodNotAllowed", request.getMethod() + " is not allowed on " + request.getPath());
  }

  @Error(global = true, exception = Throwable.class)
  public HttpResponse<byte[]> fault(HttpRequest<?> request, Throwable e) {
    LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
    return json(500, FAULT, FAULT_MESSAGE);
  }

  static HttpResponse<byte[]> json(int status, String error, String message) {
    return HttpResponse.<byte[]>status(HttpStatus.valueOf(status)).body(body(error, message)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** {@code {"error": error, "message": message}}, as every error response's body. */
  static byte[] body(String error, String message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("error", error);
      out.writeStringField("message", message);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
