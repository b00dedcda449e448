package dev.freshet.processor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footer reader names every column type as DuckDB does reading the same file: the runtime's
 * view of the data, which the compile-time checks must agree with.
 */
class FooterSchemaReaderTest {
  @TempDir Path root;

  @Test
  void everyColumnTypeIsNamedAsDuckDbNamesIt() throws Exception {
    Path file = root.resolve("types.parquet");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT true AS b, 1::TINYINT AS i8, 1::SMALLINT AS i16, 1::INTEGER AS i32,"
              + " 1::BIGINT AS i64, 1::UTINYINT AS u8, 1::USMALLINT AS u16, 1::UINTEGER AS u32,"
              + " 1::UBIGINT AS u64, 1.5::FLOAT AS f, 1.5::DOUBLE AS d, 1.25::DECIMAL(10,2) AS dec,"
              + " 'x' AS s, 'x'::BLOB AS bytes, DATE '2021-04-12' AS day,"
              + " TIMESTAMP '2021-04-12 10:59:42' AS ts, TIMESTAMPTZ '2021-04-12 10:59:42+00' AS tstz,"
              + " [1, 2] AS ints, ['a'] AS strings, [1.5::DOUBLE] AS doubles,"
              + " {'a': 1} AS record, MAP {'k': 1} AS pairs)"
              + " TO '"
              + file
              + "' (FORMAT parquet)");
    }

    Map<String, String> read = new FooterSchemaReader().columns(file);

    Map<String, String> described = duckDb(file);
    assertThat(read.keySet()).containsExactlyElementsOf(described.keySet());
    for (Map.Entry<String, String> column : described.entrySet()) {
      String expected = column.getValue().replaceAll("^(STRUCT|MAP)\\(.*", "$1");
      assertThat(read.get(column.getKey())).as(column.getKey()).isEqualTo(expected);
    }
  }

  @Test
  void aFileThatIsNotParquetSaysSo() throws Exception {
    Path file = Files.writeString(root.resolve("rows.csv"), "driver_id,conv_rate\n1001,0.5\n");
    assertThatThrownBy(() -> new FooterSchemaReader().columns(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a Parquet file");
  }

  private static Map<String, String> duckDb(Path file) throws Exception {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
      while (result.next()) {
        columns.put(result.getString("column_name"), result.getString("column_type"));
      }
    }
    return columns;
  }
}
