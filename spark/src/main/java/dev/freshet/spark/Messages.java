package dev.freshet.spark;

/** Spark's failures, shortened to what a one-line error can carry. */
final class Messages {
  private Messages() {}

  /** The first line of the innermost message: Spark wraps the cause a user acts on. */
  static String firstLine(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
