package dev.freshet.processor;

import dev.freshet.processor.data.SchemaReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parquet files for the tests, written by DuckDB, and a {@link SchemaReader} that asks DuckDB for a
 * file's columns: the types the runtime sees when it reads the same file.
 */
final class ParquetFiles {
  private ParquetFiles() {}

  /** Writes the rows of {@code select} (DuckDB SQL) to {@code file}, creating its directories. */
  static Path write(Path file, String select) {
    try {
      Files.createDirectories(file.getParent());
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement()) {
        statement.execute(
            "COPY ("
                + select
                + ") TO '"
                + file.toString().replace("'", "''")
                + "' (FORMAT parquet)");
      }
      return file;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("could not write " + file, e);
    }
  }

  /** The columns of a Parquet file, as DuckDB's DESCRIBE gives them. */
  static final SchemaReader DUCKDB =
      file -> {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            Statement statement = connection.createStatement();
            ResultSet result =
                statement.executeQuery(
                    "DESCRIBE SELECT * FROM read_parquet('"
                        + file.toString().replace("'", "''")
                        + "')")) {
          Map<String, String> columns = new LinkedHashMap<>();
          while (result.next()) {
            columns.put(result.getString("column_name"), result.getString("column_type"));
          }
          return columns;
        } catch (SQLException e) {
          throw new IOException("could not read " + file, e);
        }
      };
}
