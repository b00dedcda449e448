package dev.freshet.client;

/** A typed client could not get the features it asked for. */
public class FeatureClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FeatureClientException(String message) {
    super(message);
  }

  public FeatureClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
