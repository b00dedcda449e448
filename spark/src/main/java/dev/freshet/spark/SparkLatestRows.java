package dev.freshet.spark;

import static dev.freshet.spark.SparkColumns.named;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OnlineStoreConfig;
import dev.freshet.runtime.materialize.LatestRowsWriter;
import dev.freshet.runtime.materialize.MaterializationException;
import dev.freshet.runtime.offline.SourceColumn;
import dev.freshet.runtime.offline.SourceReadException;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Materialization's heavy part on Spark: per entity, the row of greatest event time in the interval
 * (ties broken by the greater created time) is one aggregation, the maximum of a struct that starts
 * with those two times; each partition of the result is written to Redis by the executor that holds
 * it. The driver only adds up the counts.
 */
public final class SparkLatestRows implements LatestRowsWriter {
  private final SparkSession spark;
  private final FreshetConfig config;
  private final OnlineStoreConfig online;

  public SparkLatestRows(SparkSession spark, FreshetConfig config, OnlineStoreConfig online) {
    this.spark = SparkSessions.prepared(spark);
    this.config = config;
    this.online = online;
  }

  @Override
  public void check(FeatureViewSpec view, FileSourceSpec source) {
    if (online.getType() != OnlineStoreConfig.Type.REDIS) {
      throw new MaterializationException(
          "the spark engine writes from its executors, which reach the online store over the"
              + " network: set freshet.online-store.type=redis, or use --engine duckdb for the "
              + online.getType().name().toLowerCase(java.util.Locale.ROOT)
              + " store");
    }
    SparkSources.check(SparkSources.read(spark, config, source), source, columns(view, source));
  }

  private static List<SourceColumn> columns(FeatureViewSpec view, FileSourceSpec source) {
    List<SourceColumn> columns = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      columns.add(new SourceColumn(source.columnFor(key.name()), key.type()));
    }
    columns.add(new SourceColumn(source.timestampField(), ValueType.UNIX_TIMESTAMP));
    if (!source.createdTimestampColumn().isEmpty()) {
      columns.add(new SourceColumn(source.createdTimestampColumn(), ValueType.UNIX_TIMESTAMP));
    }
    for (FeatureSpec feature : view.features()) {
      columns.add(new SourceColumn(source.columnFor(feature.name()), feature.type()));
    }
    return columns;
  }

  @Override
  public Written write(
      FeatureViewSpec view, FileSourceSpec source, Instant start, Instant end, OnlineStore store) {
    Dataset<Row> rows = SparkSources.read(spark, config, source);
    SparkSources.check(rows, source, columns(view, source));
    Column event = SparkTypes.epochMicros(named(source.timestampField()));
    Column filter = event.between(EpochMicros.of(start), EpochMicros.of(end));
    List<Column> keys = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      Column column = named(source.columnFor(key.name()));
      filter = filter.and(column.isNotNull());
      keys.add(column.cast(SparkTypes.keyType(key.type())).as(key.name()));
    }
    List<Column> latest = new ArrayList<>();
    latest.add(event.as("event"));
    latest.add(
        source.createdTimestampColumn().isEmpty()
            ? lit(null).cast(DataTypes.LongType).as("created")
            : SparkTypes.epochMicros(named(source.createdTimestampColumn())).as("created"));
    for (int i = 0; i < view.features().size(); i++) {
      FeatureSpec feature = view.features().get(i);
      latest.add(
          named(source.columnFor(feature.name()))
              .cast(SparkTypes.valueType(feature.type()))
              .as("f" + i));
    }
    // Structs compare field by field, a null below any value: the greatest event time, then the
    // greatest created time, a row with one over a row without.
    Dataset<Row> perEntity =
        rows.filter(filter)
            .groupBy(keys.toArray(Column[]::new))
            .agg(
                max(struct(latest.toArray(Column[]::new))).as("latest"),
                org.apache.spark.sql.functions.count(lit(1)).as("records"));

    RedisPartitionWriter.Counters counters =
        new RedisPartitionWriter.Counters(
            spark.sparkContext().longAccumulator(view.name() + " records"),
            spark.sparkContext().longAccumulator(view.name() + " entities"),
            spark.sparkContext().longAccumulator(view.name() + " written"),
            spark.sparkContext().longAccumulator(view.name() + " skipped"));
    StoreAddress address =
        new StoreAddress(
            online.getRedis().getConnectionString(),
            online.getRedis().getType(),
            config.getProject(),
            online.getRedis().getKeyTtl().toSeconds());
    try {
      perEntity.foreachPartition(new RedisPartitionWriter(address, ViewShape.of(view), counters));
    } catch (RuntimeException e) {
      // The cause comes back from the executors inside Spark's job failure.
      String message = Messages.firstLine(e);
      if (causedBy(e, OnlineStoreException.class)
          || String.valueOf(e.getMessage()).contains(OnlineStoreException.class.getName())) {
        throw new OnlineStoreException(
            "writing " + view.name() + " from the spark executors failed: " + message, e);
      }
      throw new SourceReadException(
          "materializing " + view.name() + " on spark failed: " + message, e);
    }
    return new Written(
        counters.records().value(),
        counters.entities().value(),
        counters.written().value(),
        counters.skipped().value());
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
