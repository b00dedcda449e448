package dev.freshet.spark;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * Spark's row values as the plain Java values of a {@link
 * dev.freshet.runtime.historical.HistoricalTable}.
 */
final class SparkValues {
  private SparkValues() {}

  static List<Object> plain(Row row) {
    StructField[] fields = row.schema().fields();
    List<Object> values = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i++) {
      if (row.isNullAt(i)) {
        values.add(null);
      } else if (fields[i].dataType() instanceof ArrayType) {
        values.add(plainList(row.getList(i)));
      } else {
        values.add(plain(row.get(i)));
      }
    }
    return values;
  }

  static List<Object> plainList(List<?> list) {
    List<Object> items = new ArrayList<>(list.size());
    for (Object item : list) {
      items.add(plain(item));
    }
    return items;
  }

  /** A time without a zone is UTC; Instants (the session's Java 8 time API) stay. */
  static Object plain(Object value) {
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    return value;
  }
}
