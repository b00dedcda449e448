package dev.freshet.spark;

import dev.freshet.spec.ColumnTypes;
import dev.freshet.spec.ValueType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Spark's column types against the declared value types: the rule is the one DuckDB's engine and
 * the annotation processor apply ({@link ColumnTypes#accepts}), fed with the DuckDB name of each
 * Spark type, so that a file one engine accepts the other accepts too.
 */
final class SparkTypes {
  private SparkTypes() {}

  /** The name DuckDB gives the Parquet type Spark read as {@code type}. */
  static String duckDbName(DataType type) {
    if (type instanceof ArrayType array) {
      return duckDbName(array.elementType()) + "[]";
    }
    if (type instanceof DecimalType decimal) {
      return "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
    }
    if (type.equals(DataTypes.ByteType)) {
      return "TINYINT";
    }
    if (type.equals(DataTypes.ShortType)) {
      return "SMALLINT";
    }
    if (type.equals(DataTypes.IntegerType)) {
      return "INTEGER";
    }
    if (type.equals(DataTypes.LongType)) {
      return "BIGINT";
    }
    if (type.equals(DataTypes.FloatType)) {
      return "FLOAT";
    }
    if (type.equals(DataTypes.DoubleType)) {
      return "DOUBLE";
    }
    if (type.equals(DataTypes.StringType)) {
      return "VARCHAR";
    }
    if (type.equals(DataTypes.BinaryType)) {
      return "BLOB";
    }
    if (type.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    }
    if (type.equals(DataTypes.TimestampType)) {
      return "TIMESTAMP WITH TIME ZONE";
    }
    if (type.equals(DataTypes.TimestampNTZType)) {
      return "TIMESTAMP";
    }
    if (type.equals(DataTypes.DateType)) {
      return "DATE";
    }
    return type.simpleString().toUpperCase(java.util.Locale.ROOT);
  }

  static boolean accepts(ValueType declared, DataType found) {
    return ColumnTypes.accepts(declared, duckDbName(found));
  }

  /**
   * Epoch microseconds of a timestamp or date column. The session's time zone is UTC, so a time
   * without a zone reads as UTC, as in DuckDB's engine.
   */
  static Column epochMicros(Column column) {
    return org.apache.spark.sql.functions.unix_micros(column.cast(DataTypes.TimestampType));
  }

  /** The type a join key is compared as. */
  static DataType keyType(ValueType declared) {
    return switch (declared) {
      case INT32 -> DataTypes.IntegerType;
      case INT64 -> DataTypes.LongType;
      case STRING -> DataTypes.StringType;
      case BYTES -> DataTypes.BinaryType;
      case BOOL -> DataTypes.BooleanType;
      default -> throw new IllegalArgumentException(declared + " is not a join key type");
    };
  }

  /** The type a feature value has in results and in the rows written online. */
  static DataType valueType(ValueType declared) {
    return switch (declared) {
      case INT32 -> DataTypes.IntegerType;
      case INT64 -> DataTypes.LongType;
      case FLOAT -> DataTypes.FloatType;
      case DOUBLE -> DataTypes.DoubleType;
      case STRING -> DataTypes.StringType;
      case BYTES -> DataTypes.BinaryType;
      case BOOL -> DataTypes.BooleanType;
      case UNIX_TIMESTAMP -> DataTypes.TimestampType;
      case INT32_LIST -> DataTypes.createArrayType(DataTypes.IntegerType);
      case INT64_LIST -> DataTypes.createArrayType(DataTypes.LongType);
      case FLOAT_LIST -> DataTypes.createArrayType(DataTypes.FloatType);
      case DOUBLE_LIST -> DataTypes.createArrayType(DataTypes.DoubleType);
      case STRING_LIST -> DataTypes.createArrayType(DataTypes.StringType);
      case BYTES_LIST -> DataTypes.createArrayType(DataTypes.BinaryType);
      case BOOL_LIST -> DataTypes.createArrayType(DataTypes.BooleanType);
      case UNIX_TIMESTAMP_LIST -> DataTypes.createArrayType(DataTypes.TimestampType);
      default -> throw new IllegalArgumentException(declared + " has no Spark type here");
    };
  }
}
