package dev.freshet.spark;

import static dev.freshet.spark.SparkColumns.named;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.historical.EntityRows;
import dev.freshet.runtime.historical.HistoricalQuery;
import dev.freshet.runtime.historical.HistoricalRequestException;
import dev.freshet.runtime.historical.HistoricalTable;
import dev.freshet.runtime.historical.JoinPlan;
import dev.freshet.runtime.historical.OfflineEngine;
import dev.freshet.runtime.historical.OutputFormat;
import dev.freshet.runtime.historical.RequestedFeature;
import dev.freshet.runtime.offline.BatchSources;
import dev.freshet.runtime.offline.SourceColumn;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Point-in-time joins on Spark, with the semantics of {@link
 * dev.freshet.runtime.historical.DuckDbOfflineEngine}. Spark has no as-of join, so each view's join
 * is a sort: the entity rows and the view's rows of one entity, in one window ordered by time (a
 * view's row before an entity row of the same time, and by created time among a view's rows), where
 * each entity row takes the last view row seen before it. Rows per entity, never per entity row
 * times view rows, go through the executors; the driver sees only the entity rows' time range.
 */
public final class SparkOfflineEngine implements OfflineEngine {
  private static final String ROW = "__freshet_row";
  private static final String TIME = "__freshet_ts";
  private static final String KEY = "__freshet_key_";
  private static final String CREATED = "__freshet_created";
  private static final String KIND = "__freshet_kind";
  private static final String HIT = "__freshet_hit";
  private static final String HIT_TIME = "ts";

  private final SparkSession spark;
  private final FeatureRegistry registry;
  private final FreshetConfig config;

  public SparkOfflineEngine(SparkSession spark, FeatureRegistry registry, FreshetConfig config) {
    this.spark = SparkSessions.prepared(spark);
    this.registry = registry;
    this.config = config;
  }

  /** The ordered result, and how many rows it has (one per entity row). */
  private record Prepared(Dataset<Row> rows, long count) {}

  @Override
  public long write(HistoricalQuery query, EntityRows entities, Path out, OutputFormat format) {
    Path target = out.toAbsolutePath();
    Path staging =
        target.resolveSibling(
            "." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8));
    try {
      Prepared prepared = prepare(query, entities);
      // One task writes the one file, reading the sorted partitions in their order.
      DataFrameWriter<Row> writer =
          prepared.rows().coalesce(1).write().mode(SaveMode.ErrorIfExists);
      if (format == OutputFormat.PARQUET) {
        writer.parquet(staging.toString());
      } else {
        writer
            .option("header", "true")
            .option("timestampFormat", "yyyy-MM-dd HH:mm:ss.SSSSSSx")
            .csv(staging.toString());
      }
      Path part = single(staging, format);
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return prepared.count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } catch (HistoricalRequestException | SourceReadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SourceReadException("historical retrieval failed: " + Messages.firstLine(e), e);
    } finally {
      deleteTree(staging);
    }
  }

  private static Path single(Path staging, OutputFormat format) throws IOException {
    String ending = format == OutputFormat.PARQUET ? ".parquet" : ".csv";
    try (Stream<Path> files = Files.list(staging)) {
      List<Path> parts =
          files
              .filter(f -> f.getFileName().toString().startsWith("part-"))
              .filter(f -> f.getFileName().toString().endsWith(ending))
              .toList();
      if (parts.size() != 1) {
        throw new IllegalStateException(
            "Spark wrote " + parts + " to " + staging + ", not one file");
      }
      return parts.get(0);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // What is left starts with a dot, next to the result, and says whose it is.
    }
  }

  @Override
  public HistoricalTable read(HistoricalQuery query, EntityRows entities) {
    try {
      Dataset<Row> rows = prepare(query, entities).rows();
      List<String> columns = List.of(rows.columns());
      List<List<Object>> table = new ArrayList<>();
      for (Row row : rows.collectAsList()) {
        table.add(SparkValues.plain(row));
      }
      return new HistoricalTable(columns, table);
    } catch (HistoricalRequestException | SourceReadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SourceReadException("historical retrieval failed: " + Messages.firstLine(e), e);
    }
  }

  private Prepared prepare(HistoricalQuery query, EntityRows entities) {
    if (!query.computed().isEmpty()) {
      throw new HistoricalRequestException(
          "on-demand feature view '"
              + query.computed().get(0).onDemand().name()
              + "' is computed in training data by the duckdb engine only; run this retrieval"
              + " with freshet.offline.engine: duckdb, or ask the spark engine for the features"
              + " of the views it reads");
    }
    Dataset<Row> loaded = SparkEntityRows.load(spark, entities, ROW);
    List<String> entityColumns = new ArrayList<>(Arrays.asList(loaded.columns()));
    entityColumns.remove(ROW);
    JoinPlan plan = JoinPlan.check(query, entityColumns);
    Map<String, ValueType> keys = plan.joinKeys();
    Map<FeatureViewSpec, List<RequestedFeature>> byView = plan.byView();
    // Times read from text (a CSV's mixed offsets) come out as times, in UTC, as DuckDB's do.
    boolean textTime =
        loaded.schema().apply(EntityRows.EVENT_TIMESTAMP).dataType().equals(DataTypes.StringType);
    if (textTime) {
      loaded =
          loaded.withColumn(
              EntityRows.EVENT_TIMESTAMP,
              named(EntityRows.EVENT_TIMESTAMP).cast(DataTypes.TimestampType));
    }
    Dataset<Row> typed =
        loaded.withColumn(TIME, SparkTypes.epochMicros(named(EntityRows.EVENT_TIMESTAMP)));
    for (Map.Entry<String, ValueType> key : keys.entrySet()) {
      typed =
          typed.withColumn(
              KEY + key.getKey(), named(key.getKey()).cast(SparkTypes.keyType(key.getValue())));
    }
    long[] range = range(typed, keys);

    Dataset<Row> result = loaded;
    List<Column> outputs = new ArrayList<>();
    entityColumns.forEach(column -> outputs.add(named(column)));
    for (Map.Entry<FeatureViewSpec, List<RequestedFeature>> entry : byView.entrySet()) {
      // Every entity row has a row in each view's result, null features where nothing matched.
      result = result.join(asOf(typed, entry.getKey(), entry.getValue(), range), ROW, "left");
      entry.getValue().forEach(feature -> outputs.add(named(feature.column())));
    }
    return new Prepared(
        result.orderBy(named(ROW)).select(outputs.toArray(Column[]::new)), range[2]);
  }

  /**
   * The earliest and latest entity row time and the number of rows; fails on rows without a time or
   * a join key, or with a value that does not cast. One small row comes back to the driver.
   */
  private static long[] range(Dataset<Row> typed, Map<String, ValueType> keys) {
    Column missingKey = lit(false);
    for (String key : keys.keySet()) {
      missingKey = missingKey.or(named(KEY + key).isNull());
    }
    Row counts;
    try {
      counts =
          typed
              .agg(
                  sum(when(named(TIME).isNull(), 1L).otherwise(0L)),
                  sum(when(missingKey, 1L).otherwise(0L)),
                  min(named(TIME)),
                  max(named(TIME)),
                  org.apache.spark.sql.functions.count(lit(1)))
              .first();
    } catch (RuntimeException e) {
      throw new HistoricalRequestException(
          "the entity rows cannot be read as the views declare them: " + Messages.firstLine(e));
    }
    long rows = counts.getLong(4);
    if (rows == 0) {
      return new long[] {0, 0, 0};
    }
    if (counts.getLong(0) > 0) {
      throw new HistoricalRequestException(
          counts.getLong(0) + " entity rows have no " + EntityRows.EVENT_TIMESTAMP);
    }
    if (counts.getLong(1) > 0) {
      throw new HistoricalRequestException(
          counts.getLong(1) + " entity rows have no value for a join key " + keys.keySet());
    }
    return new long[] {counts.getLong(2), counts.getLong(3), rows};
  }

  /** Per entity row of {@code entities}, the view's requested features as of its time. */
  private Dataset<Row> asOf(
      Dataset<Row> entities, FeatureViewSpec view, List<RequestedFeature> requested, long[] range) {
    List<FeatureSpec> selected =
        requested.stream().map(RequestedFeature::feature).distinct().toList();
    Dataset<Row> history = history(view, selected, range);

    List<Column> keyColumns = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      keyColumns.add(named(KEY + key.name()));
    }
    List<Column> hitFields = new ArrayList<>();
    hitFields.add(named(TIME).as(HIT_TIME));
    for (int i = 0; i < selected.size(); i++) {
      hitFields.add(named("f" + i));
    }
    List<Column> viewSide = new ArrayList<>(keyColumns);
    viewSide.add(named(TIME));
    viewSide.add(lit(0).as(KIND));
    viewSide.add(named(CREATED));
    viewSide.add(lit(null).cast(DataTypes.LongType).as(ROW));
    viewSide.add(struct(hitFields.toArray(Column[]::new)).as(HIT));
    Dataset<Row> viewRows = history.select(viewSide.toArray(Column[]::new));
    DataType hitType = viewRows.schema().apply(HIT).dataType();

    List<Column> entitySide = new ArrayList<>(keyColumns);
    entitySide.add(named(TIME));
    entitySide.add(lit(1).as(KIND));
    entitySide.add(lit(null).cast(DataTypes.LongType).as(CREATED));
    entitySide.add(named(ROW));
    entitySide.add(lit(null).cast(hitType).as(HIT));
    Dataset<Row> entityRows = entities.select(entitySide.toArray(Column[]::new));

    // A view row of the entity's time comes before the entity row (<=); among view rows of one
    // time, the greatest created time comes last, so it is the one taken.
    WindowSpec before =
        Window.partitionBy(keyColumns.toArray(Column[]::new))
            .orderBy(named(TIME), named(KIND), named(CREATED).asc_nulls_first())
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> matched =
        viewRows
            .union(entityRows)
            .withColumn(HIT, last(named(HIT), true).over(before))
            .filter(named(KIND).equalTo(1));

    List<Column> outputs = new ArrayList<>();
    outputs.add(named(ROW));
    for (RequestedFeature feature : requested) {
      Column value = named(HIT).getField("f" + selected.indexOf(feature.feature()));
      Column withinTtl =
          view.ttl().isZero()
              ? value
              : when(
                  named(HIT).getField(HIT_TIME).gt(named(TIME).minus(EpochMicros.of(view.ttl()))),
                  value);
      outputs.add(withinTtl.as(feature.column()));
    }
    return matched.select(outputs.toArray(Column[]::new));
  }

  /**
   * A view's rows that can match some entity row (event time within the entity rows' range, less
   * the ttl): typed keys, event and created micros, and the selected features as f0, f1, ...
   */
  private Dataset<Row> history(FeatureViewSpec view, List<FeatureSpec> selected, long[] range) {
    FileSourceSpec source =
        BatchSources.of(registry, view)
            .orElseThrow(
                () ->
                    new HistoricalRequestException(
                        "feature view '"
                            + view.name()
                            + "' has no batch source to read history from"));
    Dataset<Row> rows = SparkSources.read(spark, config, source);
    List<SourceColumn> columns = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      columns.add(new SourceColumn(source.columnFor(key.name()), key.type()));
    }
    columns.add(new SourceColumn(source.timestampField(), ValueType.UNIX_TIMESTAMP));
    if (!source.createdTimestampColumn().isEmpty()) {
      columns.add(new SourceColumn(source.createdTimestampColumn(), ValueType.UNIX_TIMESTAMP));
    }
    selected.forEach(
        feature -> columns.add(new SourceColumn(source.columnFor(feature.name()), feature.type())));
    SparkSources.check(rows, source, columns);

    List<Column> outputs = new ArrayList<>();
    Column filter = lit(true);
    for (JoinKeySpec key : view.joinKeys()) {
      Column column = named(source.columnFor(key.name()));
      outputs.add(column.cast(SparkTypes.keyType(key.type())).as(KEY + key.name()));
      filter = filter.and(column.isNotNull());
    }
    Column event = SparkTypes.epochMicros(named(source.timestampField()));
    outputs.add(event.as(TIME));
    outputs.add(
        source.createdTimestampColumn().isEmpty()
            ? lit(null).cast(DataTypes.LongType).as(CREATED)
            : SparkTypes.epochMicros(named(source.createdTimestampColumn())).as(CREATED));
    for (int i = 0; i < selected.size(); i++) {
      FeatureSpec feature = selected.get(i);
      outputs.add(
          named(source.columnFor(feature.name()))
              .cast(SparkTypes.valueType(feature.type()))
              .as("f" + i));
    }
    filter = filter.and(event.leq(range[1]));
    if (!view.ttl().isZero()) {
      filter = filter.and(event.gt(range[0] - EpochMicros.of(view.ttl())));
    }
    return rows.filter(filter).select(outputs.toArray(Column[]::new));
  }
}
