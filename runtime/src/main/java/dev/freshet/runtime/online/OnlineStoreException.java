package dev.freshet.runtime.online;

/** The online store cannot do what was asked: unreachable, in use elsewhere, or failing. */
public class OnlineStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OnlineStoreException(String message) {
    super(message);
  }

  public OnlineStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
