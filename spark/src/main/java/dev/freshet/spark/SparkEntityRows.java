package dev.freshet.spark;

import static org.apache.spark.sql.functions.monotonically_increasing_id;

import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Entity rows as a Spark dataset, numbered so that the result keeps their order. */
final class SparkEntityRows {
  private SparkEntityRows() {}

  /** The rows with their position in {@code rowColumn}. */
  static Dataset<Row> load(SparkSession spark, EntityRows entities, String rowColumn) {
    Dataset<Row> rows;
    if (entities instanceof EntityRows.ParquetFile file) {
      rows = read(() -> spark.read().parquet(requireFile(file.path())), file.path());
    } else if (entities instanceof EntityRows.CsvFile file) {
      rows =
          read(
              () ->
                  spark
                      .read()
                      .option("header", "true")
                      .option("inferSchema", "true")
                      .csv(requireFile(file.path())),
              file.path());
    } else {
      return columns(spark, (EntityRows.Columns) entities, rowColumn);
    }
    for (String column : rows.columns()) {
      EntityRows.checkName(column);
    }
    // Numbered straight off the scan, before any shuffle: a file's splits are read in order, so
    // the ids grow with the position in the file.
    return rows.withColumn(rowColumn, monotonically_increasing_id());
  }

  private interface Read {
    Dataset<Row> run();
  }

  private static Dataset<Row> read(Read read, Path file) {
    try {
      return read.run();
    } catch (HistoricalRequestException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HistoricalRequestException(
          "cannot read the entity rows " + file + ": " + Messages.firstLine(e));
    }
  }

  private static String requireFile(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new HistoricalRequestException("the entity rows file " + path + " does not exist");
    }
    return path.toString();
  }

  private static Dataset<Row> columns(
      SparkSession spark, EntityRows.Columns entities, String rowColumn) {
    List<StructField> fields = new ArrayList<>();
    List<List<?>> values = new ArrayList<>();
    for (Map.Entry<String, List<?>> column : entities.columns().entrySet()) {
      fields.add(
          DataTypes.createStructField(
              column.getKey(), type(column.getKey(), column.getValue()), true));
      values.add(column.getValue());
    }
    fields.add(DataTypes.createStructField(rowColumn, DataTypes.LongType, false));
    List<Row> rows = new ArrayList<>(entities.rowCount());
    for (int row = 0; row < entities.rowCount(); row++) {
      Object[] cells = new Object[values.size() + 1];
      for (int column = 0; column < values.size(); column++) {
        cells[column] = values.get(column).get(row);
      }
      cells[values.size()] = (long) row;
      rows.add(RowFactory.create(cells));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }

  /** The Spark type of a column of Java values: that of its first non-null value. */
  private static DataType type(String name, List<?> values) {
    Object first = values.stream().filter(v -> v != null).findFirst().orElse(null);
    DataType type;
    if (first == null || first instanceof String) {
      type = DataTypes.StringType;
    } else if (first instanceof Long) {
      type = DataTypes.LongType;
    } else if (first instanceof Integer) {
      type = DataTypes.IntegerType;
    } else if (first instanceof Double) {
      type = DataTypes.DoubleType;
    } else if (first instanceof Float) {
      type = DataTypes.FloatType;
    } else if (first instanceof Boolean) {
      type = DataTypes.BooleanType;
    } else if (first instanceof Instant) {
      type = DataTypes.TimestampType;
    } else {
      throw new HistoricalRequestException(
          "entity column '"
              + name
              + "' holds "
              + first.getClass().getSimpleName()
              + " values; use numbers, strings, booleans or times");
    }
    for (int row = 0; row < values.size(); row++) {
      Object value = values.get(row);
      if (value != null && value.getClass() != first.getClass()) {
        throw new HistoricalRequestException(
            "entity column '"
                + name
                + "' mixes types: row 0 holds "
                + first.getClass().getSimpleName()
                + ", row "
                + row
                + " holds "
                + value.getClass().getSimpleName());
      }
    }
    return type;
  }
}
