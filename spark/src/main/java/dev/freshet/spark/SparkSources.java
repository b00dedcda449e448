package dev.freshet.spark;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.offline.ParquetTypes;
import dev.freshet.runtime.offline.PushedFiles;
import dev.freshet.runtime.offline.SourceColumn;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.runtime.offline.SourceSchemaException;
import dev.freshet.spec.FileSourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A batch source as Spark reads it. A plain path is resolved against the repository as DuckDB's
 * engine resolves it: a file and the files pushed beside it, or a directory of Parquet files
 * (partition directories discovered); a glob is handed to Spark; a path with a scheme ({@code
 * file:}, or an object store Spark is configured for) is read as Spark reads it, pushed files being
 * local only.
 */
final class SparkSources {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

  private SparkSources() {}

  /** The paths Spark reads for {@code source}. */
  static List<String> paths(FreshetConfig config, FileSourceSpec source) {
    String path = source.path();
    if (SCHEME.matcher(path).matches()) {
      return List.of(path);
    }
    Path local = config.resolve(path);
    if (path.contains("*") || path.contains("?") || path.contains("[") || path.contains("{")) {
      return List.of(local.toString());
    }
    if (!Files.exists(local)) {
      throw new SourceReadException("the batch source " + local + " does not exist");
    }
    List<String> paths = new ArrayList<>();
    paths.add(local.toString());
    PushedFiles.of(local).forEach(file -> paths.add(file.toString()));
    return paths;
  }

  /** Every row of the source; columns of pushed files that the first lacks are merged in. */
  static Dataset<Row> read(SparkSession spark, FreshetConfig config, FileSourceSpec source) {
    List<String> paths = paths(config, source);
    try {
      return spark.read().option("mergeSchema", "true").parquet(paths.toArray(String[]::new));
    } catch (RuntimeException e) {
      throw new SourceReadException(
          "cannot read Parquet at " + String.join(", ", paths) + ": " + Messages.firstLine(e), e);
    }
  }

  /**
   * Checks that the source has each column with a type its declaration accepts, with the messages
   * of DuckDB's engine.
   */
  static void check(Dataset<Row> rows, FileSourceSpec source, List<SourceColumn> columns) {
    StructType schema = rows.schema();
    List<String> names = Arrays.asList(schema.fieldNames());
    for (SourceColumn column : columns) {
      if (!names.contains(column.name())) {
        throw new SourceSchemaException(
            source.path()
                + ": column '"
                + column.name()
                + "' is missing (expected "
                + ParquetTypes.describe(column.type())
                + "); the file has "
                + names);
      }
      StructField field = schema.apply(column.name());
      if (!SparkTypes.accepts(column.type(), field.dataType())) {
        throw new SourceSchemaException(
            source.path()
                + ": column '"
                + column.name()
                + "' has type "
                + SparkTypes.duckDbName(field.dataType())
                + ", expected "
                + ParquetTypes.describe(column.type()));
      }
    }
  }
}
