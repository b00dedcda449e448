package dev.freshet.runtime.materialize;

/** Materialization was asked for something it cannot do, or failed for some views. */
public class MaterializationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MaterializationException(String message) {
    super(message);
  }

  public MaterializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
