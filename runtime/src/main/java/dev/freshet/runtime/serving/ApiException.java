package dev.freshet.runtime.serving;

/**
 * A client mistake, answered with {@code status} and the JSON body {@code {"error": error,
 * "message": message}}. Never a 5xx.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  public ApiException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  static ApiException malformed(String message) {
    return new ApiException(422, "MalformedRequest", message);
  }

  /** A body that parsed to no JSON object: empty, or another kind of value. */
  static ApiException notAnObject(byte[] body) {
    return malformed(body.length == 0 ? "the request body is empty; send a JSON object" : "the request body is not a JSON object");
  }

  /** A body that is not JSON: what the parser found and where, without its internals. */
  static ApiException notJson(com.fasterxml.jackson.core.JsonProcessingException e) {
    String reason = String.valueOf(e.getOriginalMessage());
    int internals = reason.indexOf(" (start marker at");
    if (internals >= 0) {
      reason = reason.substring(0, internals);
    }
    var at = e.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return malformed("the request body is not valid JSON" + where + ": " + reason);
  }
}
