package dev.freshet.runtime.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.spec.SourceRecord;
import dev.freshet.spec.ValueType;
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
            List.of(
                new SourceColumn("id", ValueType.INT64),
                new SourceColumn("with_zone", ValueType.UNIX_TIMESTAMP),
                new SourceColumn("naive", ValueType.UNIX_TIMESTAMP),
                new SourceColumn("nanos", ValueType.UNIX_TIMESTAMP),
                new SourceColumn("day", ValueType.UNIX_TIMESTAMP),
                new SourceColumn("missing", ValueType.DOUBLE),
                new SourceColumn("rate", ValueType.FLOAT)),
            (SourceRecord r) -> {
              seen.add(
                  r.getLong(0)
                      + " "
                      + r.getInstant(1)
                      + " "
                      + r.getInstant(2)
                      + " "
                      + r.getInstant(3)
                      + " "
                      + r.getInstant(4)
                      + " "
                      + r.isNull(5)
                      + " "
                      + r.getFloat(6));
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
    new ParquetSource(dir.resolve("part"))
        .forEach(List.of(new SourceColumn("id", ValueType.INT64)), r -> ids.add(r.getLong(0)));
    assertThat(ids).containsExactlyInAnyOrder(0L, 1L, 2L, 10L, 11L);
  }

  @Test
  void aMissingColumnIsNamedWithWhatTheFileHas() throws Exception {
    Path file = writeParquet("m.parquet", "SELECT 1 AS driver_id");
    assertThatThrownBy(
            () ->
                new ParquetSource(file)
                    .forEach(
                        List.of(
                            new SourceColumn("driver_id", ValueType.INT64),
                            new SourceColumn("conv_rate", ValueType.FLOAT)),
                        r -> {}))
        .isInstanceOf(SourceSchemaException.class)
        .hasMessage(
            file
                + ": column 'conv_rate' is missing (expected FLOAT (FLOAT32)); the file has [driver_id]");
  }

  @Test
  void aColumnOfTheWrongTypeNamesFileColumnExpectedAndFound() throws Exception {
    Path file = writeParquet("w.parquet", "SELECT 1::BIGINT AS driver_id, 'high' AS conv_rate");
    assertThatThrownBy(
            () ->
                new ParquetSource(file)
                    .check(List.of(new SourceColumn("conv_rate", ValueType.FLOAT))))
        .isInstanceOf(SourceSchemaException.class)
        .hasMessage(file + ": column 'conv_rate' has type VARCHAR, expected FLOAT (FLOAT32)");
  }

  @Test
  void latestPerEntityBreaksTiesByCreatedAndKeepsTheRange() throws Exception {
    Path file =
        writeParquet(
            "l.parquet",
            "SELECT * FROM (VALUES"
                + " (1, TIMESTAMPTZ '2022-01-01 00:00:00+00', TIMESTAMP '2022-01-02 00:00:00', 1.0),"
                + " (1, TIMESTAMPTZ '2022-01-03 00:00:00+00', TIMESTAMP '2022-01-03 00:00:00', 3.0),"
                + " (1, TIMESTAMPTZ '2022-01-03 00:00:00+00', TIMESTAMP '2022-01-04 00:00:00', 4.0),"
                + " (1, TIMESTAMPTZ '2022-01-09 00:00:00+00', TIMESTAMP '2022-01-09 00:00:00', 9.0),"
                + " (2, TIMESTAMPTZ '2022-01-02 00:00:00+00', NULL, 2.0),"
                + " (NULL, TIMESTAMPTZ '2022-01-02 00:00:00+00', NULL, 5.0))"
                + " AS t(id, ts, created, value)");
    List<String> seen = new ArrayList<>();
    ParquetSource source = new ParquetSource(file);
    source.forEachLatest(
        List.of(
            new SourceColumn("id", ValueType.INT64), new SourceColumn("value", ValueType.DOUBLE)),
        List.of("id"),
        "ts",
        "created",
        Instant.parse("2022-01-01T00:00:00Z"),
        Instant.parse("2022-01-08T00:00:00Z"),
        r -> seen.add(r.getLong(0) + "=" + r.getDouble(1)));
    assertThat(seen).containsExactlyInAnyOrder("1=4.0", "2=2.0");
    assertThat(
            source.count(
                List.of("id"),
                "ts",
                Instant.parse("2022-01-01T00:00:00Z"),
                Instant.parse("2022-01-08T00:00:00Z")))
        .isEqualTo(new ParquetSource.Counts(4, 2));
  }

  @Test
  void aNullInANonNullColumnNamesTheColumn() throws Exception {
    Path file = writeParquet("n.parquet", "SELECT NULL::FLOAT AS conv_rate");
    assertThatThrownBy(
            () ->
                new ParquetSource(file)
                    .forEach(
                        List.of(new SourceColumn("conv_rate", ValueType.FLOAT)),
                        r -> r.getFloat(0)))
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
    new ParquetSource(file)
        .forEach(
            List.of(new SourceColumn("t", ValueType.UNIX_TIMESTAMP)),
            r -> seen.add(r.getInstant(0)));
    assertThat(seen).containsExactly(Instant.parse("1969-12-31T23:59:59.500Z"));
  }

  @Test
  void readsTheTypesUsersFilesHave() throws Exception {
    Path file =
        writeParquet(
            "types.parquet",
            "SELECT 7::INTEGER AS small, 8::BIGINT AS big, 0.25::FLOAT AS f32, 0.125::DOUBLE AS f64,"
                + " true AS flag, 'north' AS city, '\\x01\\x02'::BLOB AS raw,"
                + " '2022-03-14 14:00:00.123'::TIMESTAMP_MS AS millis, [1.5, 2.5]::DOUBLE[] AS scores,"
                + " ['a', 'b'] AS tags, 99 AS __index_level_0__");
    List<String> seen = new ArrayList<>();
    new ParquetSource(file)
        .forEach(
            List.of(
                new SourceColumn("small", ValueType.INT32),
                new SourceColumn("big", ValueType.INT64),
                new SourceColumn("f32", ValueType.FLOAT),
                new SourceColumn("f64", ValueType.DOUBLE),
                new SourceColumn("flag", ValueType.BOOL),
                new SourceColumn("city", ValueType.STRING),
                new SourceColumn("raw", ValueType.BYTES),
                new SourceColumn("millis", ValueType.UNIX_TIMESTAMP),
                new SourceColumn("scores", ValueType.FLOAT_LIST),
                new SourceColumn("tags", ValueType.STRING_LIST),
                new SourceColumn("small", ValueType.INT64)),
            r ->
                seen.add(
                    r.getInt(0)
                        + " "
                        + r.getLong(1)
                        + " "
                        + r.getFloat(2)
                        + " "
                        + r.getDouble(3)
                        + " "
                        + r.getBoolean(4)
                        + " "
                        + r.getString(5)
                        + " "
                        + java.util.Arrays.toString(r.getBytes(6))
                        + " "
                        + r.getInstant(7)
                        + " "
                        + r.getList(8, Float.class)
                        + " "
                        + r.getList(9, String.class)
                        + " "
                        + r.getLong(10)));
    assertThat(seen)
        .containsExactly(
            "7 8 0.25 0.125 true north [1, 2] 2022-03-14T14:00:00.123Z [1.5, 2.5] [a, b] 7");
  }

  @Test
  void readsAHivePartitionedDirectory() throws Exception {
    writeParquet(
        "hive/day=2022-03-13/part-0.parquet",
        "SELECT 1::BIGINT AS driver_id, 0.5::FLOAT AS conv_rate");
    writeParquet(
        "hive/day=2022-03-14/part-0.parquet",
        "SELECT 2::BIGINT AS driver_id, 0.75::FLOAT AS conv_rate");
    List<String> seen = new ArrayList<>();
    new ParquetSource(dir.resolve("hive"))
        .forEach(
            List.of(
                new SourceColumn("driver_id", ValueType.INT64),
                new SourceColumn("conv_rate", ValueType.FLOAT)),
            r -> seen.add(r.getLong(0) + "=" + r.getFloat(1)));
    assertThat(seen).containsExactlyInAnyOrder("1=0.5", "2=0.75");
  }

  @Test
  void anInt32FeatureRefusesAnInt64Column() throws Exception {
    Path file = writeParquet("i.parquet", "SELECT 8::BIGINT AS trips");
    assertThatThrownBy(
            () ->
                new ParquetSource(file).check(List.of(new SourceColumn("trips", ValueType.INT32))))
        .hasMessage(file + ": column 'trips' has type BIGINT, expected INT32");
  }
}
