package dev.freshet.runtime.error;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A mistake in a request, of a {@link ErrorKind} that is the client's to fix: the endpoints' jobs
 * throw it, the transports answer it with the kind's status and the message. Never a 5xx.
 */
public class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;

  public RequestException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ErrorKind kind() {
    return kind;
  }

  public static RequestException malformed(String message) {
    return new RequestException(ErrorKind.MALFORMED_REQUEST, message);
  }

  /** A body that parsed to no JSON object: empty, or another kind of value. */
  public static RequestException notAnObject(byte[] body) {
    return malformed(
        body.length == 0
            ? "the request body is empty; send a JSON object"
            : "the request body is not a JSON object");
  }

  /**
   * A body that is not JSON, or beyond the limits a request's JSON has ({@code RequestJson}): what
   * the parser found and where, without its internals.
   */
  public static RequestException notJson(JsonProcessingException e) {
    String reason = String.valueOf(e.getOriginalMessage());
    int internals = reason.indexOf(" (start marker at");
    if (internals >= 0) {
      reason = reason.substring(0, internals);
    }
    // Jackson names the setting that refused it: ", from
    // `StreamReadConstraints.getMaxNestingDepth()`"
    reason = reason.replaceAll(",? from `[^`]*`", "").replaceAll("\\(\\)", "");
    var at = e.getLocation();
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return malformed("the request body is not valid JSON" + where + ": " + reason);
  }

  /** A body with something after its JSON document: a second document, or garbage. */
  public static RequestException trailing(com.fasterxml.jackson.core.JsonLocation at) {
    return malformed(
        "the request body goes on after its JSON object (line "
            + at.getLineNr()
            + ", column "
            + at.getColumnNr()
            + "); send one JSON object");
  }
}
