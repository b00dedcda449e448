package dev.freshet.processor.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * Reads a Parquet file's columns from its footer alone (the last bytes of the file: the Thrift
 * encoded file metadata, its length, {@code PAR1}), through Apache Parquet's own metadata classes,
 * and names each column's type as DuckDB does when the runtime reads the file: the same names
 * {@link dev.freshet.spec.ColumnTypes} judges.
 */
public final class FooterSchemaReader implements SchemaReader {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  @Override
  public Map<String, String> columns(Path file) throws IOException {
    List<SchemaElement> schema = footer(file).getSchema();
    Map<String, String> columns = new LinkedHashMap<>();
    int[] next = {1}; // element 0 is the schema's root
    int children = schema.get(0).getNum_children();
    for (int i = 0; i < children; i++) {
      SchemaElement column = schema.get(next[0]);
      columns.put(column.getName(), type(schema, next));
    }
    return columns;
  }

  private static FileMetaData footer(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 12) {
        throw new IOException(file + " is not a Parquet file: it is " + size + " bytes long");
      }
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(tail, size - 8);
      byte[] magic = new byte[4];
      tail.position(4);
      tail.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException(file + " is not a Parquet file: it does not end with PAR1");
      }
      int length = tail.getInt(0);
      if (length <= 0 || length > size - 12) {
        throw new IOException(file + " has a Parquet footer of an impossible length " + length);
      }
      ByteBuffer metadata = ByteBuffer.allocate(length);
      channel.read(metadata, size - 8 - length);
      return Util.readFileMetaData(new ByteArrayInputStream(metadata.array()));
    }
  }

  /**
   * The type of the element at {@code next[0]}, moving {@code next[0]} past it and its children.
   */
  private static String type(List<SchemaElement> schema, int[] next) {
    SchemaElement element = schema.get(next[0]++);
    if (!element.isSetNum_children() || element.getNum_children() == 0) {
      return primitive(element);
    }
    boolean list =
        (element.isSetLogicalType() && element.getLogicalType().isSetLIST())
            || element.getConverted_type() == ConvertedType.LIST;
    if (list && element.getNum_children() == 1) {
      // LIST -> repeated group (list) -> element; or the two-level form, repeated element itself
      SchemaElement repeated = schema.get(next[0]);
      if (repeated.isSetNum_children() && repeated.getNum_children() == 1) {
        next[0]++;
      }
      return type(schema, next) + "[]";
    }
    skipChildren(schema, next, element.getNum_children());
    boolean map =
        (element.isSetLogicalType() && element.getLogicalType().isSetMAP())
            || element.getConverted_type() == ConvertedType.MAP;
    return map ? "MAP" : "STRUCT";
  }

  private static void skipChildren(List<SchemaElement> schema, int[] next, int children) {
    for (int i = 0; i < children; i++) {
      SchemaElement child = schema.get(next[0]++);
      if (child.isSetNum_children()) {
        skipChildren(schema, next, child.getNum_children());
      }
    }
  }

  private static String primitive(SchemaElement element) {
    LogicalType logical = element.isSetLogicalType() ? element.getLogicalType() : null;
    if (logical != null && logical.isSetDECIMAL()
        || element.getConverted_type() == ConvertedType.DECIMAL) {
      return "DECIMAL(" + element.getPrecision() + "," + element.getScale() + ")";
    }
    return switch (element.getType()) {
      case BOOLEAN -> "BOOLEAN";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case INT96 -> "TIMESTAMP";
      case INT32 -> int32(element, logical);
      case INT64 -> int64(element, logical);
      case BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY -> bytes(element, logical);
    };
  }

  private static String int32(SchemaElement element, LogicalType logical) {
    if (logical != null && logical.isSetDATE()
        || element.getConverted_type() == ConvertedType.DATE) {
      return "DATE";
    }
    if (logical != null && logical.isSetTIME()
        || element.getConverted_type() == ConvertedType.TIME_MILLIS) {
      return "TIME";
    }
    if (logical != null && logical.isSetINTEGER()) {
      return integer(logical.getINTEGER());
    }
    ConvertedType converted = element.getConverted_type();
    if (converted != null) {
      switch (converted) {
        case INT_8:
          return "TINYINT";
        case INT_16:
          return "SMALLINT";
        case UINT_8:
          return "UTINYINT";
        case UINT_16:
          return "USMALLINT";
        case UINT_32:
          return "UINTEGER";
        default:
          break;
      }
    }
    return "INTEGER";
  }

  private static String int64(SchemaElement element, LogicalType logical) {
    if (logical != null && logical.isSetTIMESTAMP()) {
      return logical.getTIMESTAMP().isIsAdjustedToUTC() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
    }
    ConvertedType converted = element.getConverted_type();
    if (converted == ConvertedType.TIMESTAMP_MILLIS
        || converted == ConvertedType.TIMESTAMP_MICROS) {
      return "TIMESTAMP WITH TIME ZONE";
    }
    if (logical != null && logical.isSetTIME() || converted == ConvertedType.TIME_MICROS) {
      return "TIME";
    }
    if (logical != null && logical.isSetINTEGER()) {
      return integer(logical.getINTEGER());
    }
    return converted == ConvertedType.UINT_64 ? "UBIGINT" : "BIGINT";
  }

  private static String integer(IntType type) {
    String name =
        switch (type.getBitWidth()) {
          case 8 -> "TINYINT";
          case 16 -> "SMALLINT";
          case 32 -> "INTEGER";
          default -> "BIGINT";
        };
    return type.isIsSigned() ? name : "U" + name;
  }

  private static String bytes(SchemaElement element, LogicalType logical) {
    if (logical != null && (logical.isSetSTRING() || logical.isSetENUM() || logical.isSetJSON())
        || element.getConverted_type() == ConvertedType.UTF8
        || element.getConverted_type() == ConvertedType.ENUM
        || element.getConverted_type() == ConvertedType.JSON) {
      return "VARCHAR";
    }
    if (logical != null && logical.isSetUUID()) {
      return "UUID";
    }
    return "BLOB";
  }
}
