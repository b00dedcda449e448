package dev.freshet.runtime.logging;

import dev.freshet.spec.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a feature service's log, as Feast names them: the join keys; for each feature
 * {@code <view>__<feature>}, {@code <view>__<feature>__timestamp} and {@code
 * <view>__<feature>__status}; then {@code __log_timestamp}, {@code __log_date} and {@code
 * __request_id}.
 */
record LogSchema(
    List<String> joinKeys,
    List<ValueType> joinKeyTypes,
    List<String> features,
    List<ValueType> featureTypes) {
  static final String LOG_TIMESTAMP = "__log_timestamp";
  static final String LOG_DATE = "__log_date";
  static final String REQUEST_ID = "__request_id";

  /**
   * Column names and SQL types of the rows as buffered (without {@code __log_date}, derived on
   * write).
   */
  List<String[]> bufferedColumns() {
    List<String[]> columns = new ArrayList<>();
    for (int i = 0; i < joinKeys.size(); i++) {
      columns.add(new String[] {joinKeys.get(i), sqlType(joinKeyTypes.get(i))});
    }
    for (int i = 0; i < features.size(); i++) {
      columns.add(new String[] {features.get(i), sqlType(featureTypes.get(i))});
      columns.add(new String[] {features.get(i) + "__timestamp", "TIMESTAMPTZ"});
      columns.add(new String[] {features.get(i) + "__status", "VARCHAR"});
    }
    columns.add(new String[] {LOG_TIMESTAMP, "TIMESTAMPTZ"});
    columns.add(new String[] {REQUEST_ID, "VARCHAR"});
    return columns;
  }

  /** Lists are logged as their text, e.g. {@code [1, 2]}. */
  static String sqlType(ValueType type) {
    return switch (type) {
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case BOOL -> "BOOLEAN";
      case BYTES -> "BLOB";
      case UNIX_TIMESTAMP -> "TIMESTAMPTZ";
      default -> "VARCHAR";
    };
  }
}
