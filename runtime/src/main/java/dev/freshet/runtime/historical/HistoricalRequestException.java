package dev.freshet.runtime.historical;

/**
 * A historical retrieval the caller got wrong: an unknown view or feature, entity rows without a
 * needed column, clashing output names. Nothing was written.
 */
public class HistoricalRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public HistoricalRequestException(String message) {
    super(message);
  }
}
