package dev.freshet.runtime.offline;

import dev.freshet.spec.ColumnTypes;
import dev.freshet.spec.ValueType;
import java.util.Locale;

/**
 * Which column types of a Parquet file (as DuckDB names them) a declared value type accepts, and
 * the SQL that reads a column as exactly that type.
 */
public final class ParquetTypes {
  private ParquetTypes() {}

  /** The rule the annotation processor checks too: {@link ColumnTypes#accepts}. */
  public static boolean accepts(ValueType declared, String columnType) {
    return ColumnTypes.accepts(declared, columnType);
  }

  /** {@link ColumnTypes#isTimestamp}. */
  public static boolean isTimestamp(String columnType) {
    return ColumnTypes.isTimestamp(columnType);
  }

  /** Reads {@code column} as {@code declared}: casts numbers, instants as epoch microseconds. */
  public static String select(String quotedColumn, String columnType, ValueType declared) {
    if (declared == ValueType.UNIX_TIMESTAMP) {
      return epochMicros(quotedColumn, columnType);
    }
    if (declared == ValueType.UNIX_TIMESTAMP_LIST) {
      return "list_transform(" + quotedColumn + ", x -> epoch_us(CAST(x AS TIMESTAMP)))";
    }
    String sqlType = sqlType(declared);
    return sqlType == null ? quotedColumn : "CAST(" + quotedColumn + " AS " + sqlType + ")";
  }

  /** Epoch microseconds of a timestamp or date column; a time without a zone is UTC. */
  public static String epochMicros(String quotedColumn, String columnType) {
    if (columnType.toUpperCase(Locale.ROOT).equals("TIMESTAMP WITH TIME ZONE")) {
      return "epoch_us(" + quotedColumn + ")";
    }
    return "epoch_us(CAST(" + quotedColumn + " AS TIMESTAMP))";
  }

  /** The SQL type a join key of {@code declared} type is compared as. */
  public static String keyType(ValueType declared) {
    return switch (declared) {
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case STRING -> "VARCHAR";
      case BYTES -> "BLOB";
      case BOOL -> "BOOLEAN";
      default -> throw new IllegalArgumentException(declared + " is not a join key type");
    };
  }

  /** The DuckDB type that holds values of {@code declared} type as the result gives them. */
  public static String columnType(ValueType declared) {
    if (declared.isList()) {
      return columnType(declared.elementType()) + "[]";
    }
    return switch (declared) {
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case UNIX_TIMESTAMP -> "TIMESTAMPTZ";
      default -> keyType(declared);
    };
  }

  private static String sqlType(ValueType declared) {
    return switch (declared) {
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case INT32_LIST -> "INTEGER[]";
      case INT64_LIST -> "BIGINT[]";
      case FLOAT_LIST -> "FLOAT[]";
      case DOUBLE_LIST -> "DOUBLE[]";
      default -> null;
    };
  }

  /**
   * The value type rows for a column of {@code columnType} are written as when appended to the file
   * (pushes to the offline store), or null for a column they cannot be written to: lists, structs,
   * maps and blobs.
   */
  public static ValueType appendedAs(String columnType) {
    String type = columnType.toUpperCase(Locale.ROOT);
    if (type.endsWith("[]")
        || type.startsWith("STRUCT")
        || type.startsWith("MAP")
        || type.equals("BLOB")) {
      return null;
    }
    if (isTimestamp(type)) {
      return ValueType.UNIX_TIMESTAMP;
    }
    if (type.equals("FLOAT")) {
      return ValueType.FLOAT;
    }
    if (type.equals("DOUBLE") || type.startsWith("DECIMAL")) {
      return ValueType.DOUBLE;
    }
    if (type.equals("BOOLEAN")) {
      return ValueType.BOOL;
    }
    if (type.equals("VARCHAR")) {
      return ValueType.STRING;
    }
    return ValueType.INT64;
  }

  /** How a declared type reads in messages: {@code FLOAT (FLOAT32)}. */
  public static String describe(ValueType declared) {
    return switch (declared) {
      case FLOAT -> "FLOAT (FLOAT32)";
      case DOUBLE -> "DOUBLE (FLOAT64)";
      default -> declared.name();
    };
  }
}
