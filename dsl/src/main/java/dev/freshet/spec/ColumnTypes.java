package dev.freshet.spec;

import java.util.Locale;
import java.util.Set;

/**
 * Which column types of a Parquet file a declared value type can be read from. Column types are
 * named as DuckDB names them ({@code INTEGER}, {@code BIGINT}, {@code DOUBLE}, {@code
 * DECIMAL(10,2)}, {@code VARCHAR}, {@code BLOB}, {@code TIMESTAMP WITH TIME ZONE}, {@code DATE},
 * {@code BIGINT[]}...), in any case. The runtime applies this rule when it reads a source, and the
 * annotation processor when it can read the file at compile time.
 */
public final class ColumnTypes {
  private static final Set<String> SMALL_INTEGERS =
      Set.of("TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT");
  private static final Set<String> INTEGERS =
      Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER");
  private static final Set<String> FRACTIONS = Set.of("FLOAT", "DOUBLE");

  private ColumnTypes() {}

  /**
   * Whether a column of {@code columnType} can be read as {@code declared}: an integer type that
   * fits ({@code INT32} up to {@code INTEGER}, {@code INT64} up to {@code BIGINT} and {@code
   * UINTEGER}), any number as a {@code FLOAT} or {@code DOUBLE}, {@code BOOLEAN} as {@code BOOL},
   * {@code VARCHAR} as {@code STRING}, {@code BLOB} as {@code BYTES}, a timestamp or a date as
   * {@code UNIX_TIMESTAMP}, and a list {@code X[]} as the list of what accepts {@code X}.
   */
  public static boolean accepts(ValueType declared, String columnType) {
    String type = columnType.toUpperCase(Locale.ROOT);
    if (declared.isList()) {
      return type.endsWith("[]")
          && accepts(declared.elementType(), type.substring(0, type.length() - 2));
    }
    return switch (declared) {
      case INT32 -> SMALL_INTEGERS.contains(type);
      case INT64 -> INTEGERS.contains(type);
      case FLOAT, DOUBLE ->
          FRACTIONS.contains(type) || INTEGERS.contains(type) || type.startsWith("DECIMAL");
      case BOOL -> type.equals("BOOLEAN");
      case STRING -> type.equals("VARCHAR");
      case BYTES -> type.equals("BLOB");
      case UNIX_TIMESTAMP -> isTimestamp(type);
      default -> false;
    };
  }

  /** Whether {@code columnType} is a timestamp (with or without a zone, any unit) or a date. */
  public static boolean isTimestamp(String columnType) {
    String type = columnType.toUpperCase(Locale.ROOT);
    return type.startsWith("TIMESTAMP") || type.equals("DATE");
  }
}
