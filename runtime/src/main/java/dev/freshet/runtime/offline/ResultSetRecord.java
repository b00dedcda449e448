package dev.freshet.runtime.offline;

import dev.freshet.spec.SourceRecord;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SourceRecord} over the current row of a result set selected by {@link ParquetSource}.
 */
final class ResultSetRecord implements SourceRecord {
  /** Reads one column of the current row, by its 1-based JDBC index. */
  @FunctionalInterface
  private interface Getter<T> {
    T get(ResultSet result, int index) throws SQLException;
  }

  private final ResultSet result;
  private final List<String> columns;

  ResultSetRecord(ResultSet result, List<String> columns) {
    this.result = result;
    this.columns = columns;
  }

  @Override
  public boolean isNull(int column) {
    try {
      return result.getObject(column + 1) == null;
    } catch (SQLException e) {
      throw failure(column, e);
    }
  }

  @Override
  public int getInt(int column) {
    return nonNull(column, ResultSet::getInt);
  }

  @Override
  public long getLong(int column) {
    return nonNull(column, ResultSet::getLong);
  }

  @Override
  public float getFloat(int column) {
    return nonNull(column, ResultSet::getFloat);
  }

  @Override
  public double getDouble(int column) {
    return nonNull(column, ResultSet::getDouble);
  }

  @Override
  public boolean getBoolean(int column) {
    return nonNull(column, ResultSet::getBoolean);
  }

  @Override
  public String getString(int column) {
    return nonNull(column, ResultSet::getString);
  }

  @Override
  public byte[] getBytes(int column) {
    return nonNull(column, ResultSet::getBytes);
  }

  /** {@link ParquetSource} selects instants as epoch microseconds. */
  @Override
  public Instant getInstant(int column) {
    long micros = getLong(column);
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  @Override
  public <E> List<E> getList(int column, Class<E> elementType) {
    Array array = nonNull(column, ResultSet::getArray);
    try {
      Object[] items = (Object[]) array.getArray();
      List<E> list = new ArrayList<>(items.length);
      for (Object item : items) {
        list.add(elementType.cast(item));
      }
      return list;
    } catch (SQLException | ClassCastException e) {
      throw failure(column, e);
    }
  }

  private <T> T nonNull(int column, Getter<T> getter) {
    T value;
    try {
      value = getter.get(result, column + 1);
      if (!result.wasNull()) {
        return value;
      }
    } catch (SQLException e) {
      throw failure(column, e);
    }
    throw new NullPointerException(
        "column '"
            + columns.get(column)
            + "' is null in a row, but its feature is declared non-null;"
            + " declare it with a boxed type or @Nullable to allow nulls");
  }

  private SourceReadException failure(int column, Exception e) {
    return new SourceReadException(
        "cannot read column '" + columns.get(column) + "': " + e.getMessage(), e);
  }
}
