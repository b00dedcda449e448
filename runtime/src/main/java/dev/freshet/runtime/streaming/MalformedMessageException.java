package dev.freshet.runtime.streaming;

/** A message that cannot be read as its source declares: it is skipped, counted and logged. */
final class MalformedMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedMessageException(String message) {
    super(message);
  }
}
