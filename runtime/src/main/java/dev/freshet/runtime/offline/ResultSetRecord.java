package dev.freshet.runtime.offline;

import dev.freshet.spec.SourceRecord;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link SourceRecord} over the current row of a result set selected by {@link ParquetSource}. */
final class ResultSetRecord implements SourceRecord {
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
    try {
      int value = result.getInt(column + 1);
      return checked(value, column);
    } catch (SQLException e) {
      throw failure(column, e);
    }
  }

  @Override
  public long getLong(int column) {
    try {
      long value = result.getLong(column + 1);
      return checked(value, column);
    } catch (SQLException e) {
      throw failure(column, e);
    }
  }

  @Override
  public float getFloat(int column) {
    try {
      float value = result.getFloat(column + 1);
      return checked(value, column);
    } catch (SQLException e) {
      throw failure(column, e);
    }
  }

  @Override
  public double getDouble(int column) {
    try {
      double value = result.getDouble(column + 1);
      return checked(value, column);
    } catch (SQLException e) {
      throw failure(column, e);
    }
  }

  @Override
  public boolean getBoolean(int column) {
    try {
      boolean value = result.getBoolean(column + 1);
      return checked(value, column);
    } catch (SQLException e) {
      throw failure(column, e);
    }
  }

  @Override
  public String getString(int column) {
    try {
      return checked(result.getString(column + 1), column);
    } catch (SQLException e) {
      throw failure(column, e);
    }
  }

  @Override
  public byte[] getBytes(int column) {
    try {
      return checked(result.getBytes(column + 1), column);
    } catch (SQLException e) {
      throw failure(column, e);
    }
  }

  @Override
  public Instant getInstant(int column) {
    long micros = getLong(column);
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  @Override
  public <E> List<E> getList(int column, Class<E> elementType) {
    try {
      Array array = checked(result.getArray(column + 1), column);
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

  private <T> T checked(T value, int column) throws SQLException {
    if (result.wasNull()) {
      throw new NullPointerException(
          "column '" + columns.get(column) + "' is null in a row, but its feature is declared non-null;"
              + " declare it with a boxed type or @Nullable to allow nulls");
    }
    return value;
  }

  private SourceReadException failure(int column, Exception e) {
    return new SourceReadException("cannot read column '" + columns.get(column) + "': " + e.getMessage(), e);
  }
}
