package dev.freshet.runtime.online;

/** What a write did: rows stored, and rows skipped because a newer or equal one was there. */
public record WriteResult(long written, long skippedAsOlder) {

  public WriteResult plus(WriteResult other) {
    return new WriteResult(written + other.written, skippedAsOlder + other.skippedAsOlder);
  }

  public static WriteResult none() {
    return new WriteResult(0, 0);
  }
}
