package dev.freshet.runtime.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.spec.SourceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetSourceTest {
  @TempDir Path dir;

  /** Writes a small Parquet file with DuckDB, independently of the reader under test. */
  private Path writeParquet(String name, String select) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    }
    return file;
  }

  @Test
  void readsTimestampsOfEveryFlavourAsUtcInstants() throws Exception {
    Path file =
        writeParquet(
            "t.parquet",
            "SELECT 7::BIGINT AS id,"
                + " TIMESTAMPTZ '2022-03-14 14:00:00+00' AS with_zone,"
                + " TIMESTAMP '2022-03-14 15:21:25.842' AS naive,"
                + " TIMESTAMP_NS '2022-03-14 15:21:25.842123' AS nanos,"
                + " DATE '2022-03-14' AS day,"
                + " NULL::DOUBLE AS missing,"
                + " 0.5::DOUBLE AS rate");
    List<String> seen = new ArrayList<>();
    new ParquetSource(file)
        .forEach(
            List.of("id", "with_zone", "naive", "nanos", "day", "missing", "rate"),
            (SourceRecord r) -> {
              seen.add(r.getLong(0) + " " + r.getInstant(1) + " " + r.getInstant(2) + " " + r.getInstant(3)
                  + " " + r.getInstant(4) + " " + r.isNull(5) + " " + r.getFloat(6));
            });
    assertThat(seen)
        .containsExactly(
            "7 2022-03-14T14:00:00Z 2022-03-14T15:21:25.842Z 2022-03-14T15:21:25.842123Z"
                + " 2022-03-14T00:00:00Z true 0.5");
  }

  @Test
  void readsEveryFileOfADirectory() throws Exception {
    writeParquet("part/a.parquet", "SELECT range AS id FROM range(3)");
    writeParquet("part/sub/b.parquet", "SELECT range + 10 AS id FROM range(2)");
    List<Long> ids = new ArrayList<>();
    new ParquetSource(dir.resolve("part")).forEach(List.of("id"), r -> ids.add(r.getLong(0)));
    assertThat(ids).containsExactlyInAnyOrder(0L, 1L, 2L, 10L, 11L);
  }

  @Test
  void aMissingColumnIsNamedWithWhatTheFileHas() throws Exception {
    Path file = writeParquet("m.parquet", "SELECT 1 AS driver_id");
    assertThatThrownBy(() -> new ParquetSource(file).forEach(List.of("driver_id", "conv_rate"), r -> {}))
        .isInstanceOf(SourceReadException.class)
        .hasMessageContaining("column 'conv_rate' is missing from " + file)
        .hasMessageContaining("[driver_id]");
  }

  @Test
  void aNullInANonNullColumnNamesTheColumn() throws Exception {
    Path file = writeParquet("n.parquet", "SELECT NULL::FLOAT AS conv_rate");
    assertThatThrownBy(() -> new ParquetSource(file).forEach(List.of("conv_rate"), r -> r.getFloat(0)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("column 'conv_rate' is null");
  }

  @Test
  void aFileThatIsNotParquetIsAClearError() throws Exception {
    Path file = dir.resolve("bad.parquet");
    Files.writeString(file, "not parquet at all");
    assertThatThrownBy(() -> new ParquetSource(file).schema())
        .isInstanceOf(SourceReadException.class)
        .hasMessageContaining("cannot read Parquet at " + file);
  }

  @Test
  void instantsBeforeTheEpochKeepTheirSign() throws Exception {
    Path file = writeParquet("e.parquet", "SELECT TIMESTAMP '1969-12-31 23:59:59.5' AS t");
    List<Instant> seen = new ArrayList<>();
    new ParquetSource(file).forEach(List.of("t"), r -> seen.add(r.getInstant(0)));
    assertThat(seen).containsExactly(Instant.parse("1969-12-31T23:59:59.500Z"));
  }
}
