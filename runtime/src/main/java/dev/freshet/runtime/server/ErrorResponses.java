package dev.freshet.runtime.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshet.runtime.error.ErrorKind;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure as Feast-compatible JSON, {@code {"error": ..., "code": ..., "message": ...}}, with
 * the status of its {@link ErrorKind} ({@link ErrorMapping} says which): client mistakes as 4xx
 * naming the problem, faults of the stores as 5xx. No stack trace reaches a client.
 */
@Controller
public class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
  private static final JsonFactory JSON = new JsonFactory();

  @Error(global = true, exception = Throwable.class)
  public HttpResponse<byte[]> failure(HttpRequest<?> request, Throwable e) {
    OutOfMemory.haltIfOutOfMemory(e);
    ErrorMapping.Answer answer = ErrorMapping.of(e);
    if (e instanceof java.io.EOFException) {
      // The client went away before its body was in: nobody is left to answer, nothing failed.
      LOG.debug("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
    } else if (answer.kind() == ErrorKind.INTERNAL_ERROR) {
      LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
    } else if (answer.isFault()) {
      LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
    }
    return json(answer.kind(), answer.message());
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  public HttpResponse<byte[]> notFound(HttpRequest<?> request) {
    return json(
        ErrorKind.NOT_FOUND,
        "there is no "
            + request.getMethod()
            + " "
            + request.getPath()
            + "; the endpoints are POST /get-online-features, POST /get-historical-features, POST /push, POST /materialize,"
            + " POST /materialize-incremental, GET /schedules, GET /health, GET /metrics and GET /ui");
  }

  @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
  public HttpResponse<byte[]> wrongMethod(HttpRequest<?> request) {
    return json(
        ErrorKind.METHOD_NOT_ALLOWED,
        request.getMethod() + " is not allowed on " + request.getPath());
  }

  static HttpResponse<byte[]> json(ErrorKind kind, String message) {
    return HttpResponse.<byte[]>status(HttpStatus.valueOf(kind.status()))
        .body(body(kind, message))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /**
   * A refusal of a page a browser opened (the UI): the same message in words, and where a token is
   * missing or wrong a field to give it, kept in a cookie that the UI's routes read.
   */
  static HttpResponse<byte[]> page(ErrorKind kind, String message) {
    String form =
        kind == ErrorKind.UNAUTHORIZED
            ? "<form id=\"token-form\"><label>Read token <input id=\"token\" type=\"password\""
                + " autocomplete=\"off\"></label> <button>Open the UI</button></form>"
                + "<script>document.getElementById('token-form').onsubmit=function(e){"
                + "e.preventDefault();document.cookie='"
                + AccessFilter.UI_TOKEN_COOKIE
                + "='+encodeURIComponent(document.getElementById('token').value)"
                + "+';path=/;SameSite=Strict';location.reload();};</script>"
            : "";
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Freshet: "
            + kind.status()
            + "</title><link rel=\"icon\" href=\"data:,\">"
            + "<link rel=\"stylesheet\" href=\"/ui/assets/app.css\"></head><body>"
            + "<main class=\"refusal\"><h1>Freshet</h1><p class=\"error\" id=\"refusal\">"
            + escape(message)
            + " ("
            + kind.status()
            + " "
            + kind.error()
            + ")</p>"
            + form
            + "</main></body></html>";
    return HttpResponse.<byte[]>status(HttpStatus.valueOf(kind.status()))
        .body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** {@code {"error": ..., "code": ..., "message": ...}}, as every error response's body. */
  static byte[] body(ErrorKind kind, String message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("error", kind.error());
      out.writeStringField("code", kind.id());
      out.writeStringField("message", message);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
