package dev.freshet.runtime.online;

/**
 * The online store did not answer at all (refused, reset, or timed out), as opposed to answering
 * with an error: what tells {@link FailFastStore} the store is down.
 */
public class StoreUnreachableException extends OnlineStoreException {
  private static final long serialVersionUID = 1L;

  public StoreUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
