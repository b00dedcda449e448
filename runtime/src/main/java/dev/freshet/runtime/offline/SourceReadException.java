package dev.freshet.runtime.offline;

/** A batch source could not be read: missing file or column, wrong type, unreadable Parquet. */
public class SourceReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SourceReadException(String message) {
    super(message);
  }

  public SourceReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
