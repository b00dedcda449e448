package dev.freshet.runtime.materialize;

/** Materialization was asked for a feature view that does not exist, or is offline. */
public class NoSuchViewException extends MaterializationException {
  private static final long serialVersionUID = 1L;

  public NoSuchViewException(String message) {
    super(message);
  }
}
