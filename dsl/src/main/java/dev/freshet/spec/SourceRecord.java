package dev.freshet.spec;

import java.time.Instant;
import java.util.List;

/**
 * One record of a source, read by column position. The positions are those of {@link
 * Materializer#columns()}: a reader resolves them against its file's schema once, so that generated
 * materializers read each value without a lookup by name.
 *
 * <p>A typed getter called on a null value throws {@link NullPointerException} with a message that
 * names the column; callers test {@link #isNull} first where null is allowed.
 */
public interface SourceRecord {
  boolean isNull(int column);

  int getInt(int column);

  long getLong(int column);

  float getFloat(int column);

  double getDouble(int column);

  boolean getBoolean(int column);

  String getString(int column);

  byte[] getBytes(int column);

  Instant getInstant(int column);

  /**
   * A list column whose elements are of {@code elementType} (boxed types, String, Instant, byte[]).
   */
  <E> List<E> getList(int column, Class<E> elementType);
}
