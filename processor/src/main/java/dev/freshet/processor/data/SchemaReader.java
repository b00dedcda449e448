package dev.freshet.processor.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Reads the columns of one Parquet file, from its footer. */
public interface SchemaReader {
  /**
   * The top-level columns of {@code file}, in file order, each with its type as DuckDB names it
   * ({@code BIGINT}, {@code TIMESTAMP WITH TIME ZONE}, {@code VARCHAR[]}...), the names {@link
   * dev.freshet.spec.ColumnTypes} takes.
   *
   * @throws IOException when the file cannot be read or is not Parquet
   */
  Map<String, String> columns(Path file) throws IOException;
}
