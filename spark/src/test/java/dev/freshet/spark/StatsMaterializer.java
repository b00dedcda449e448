package dev.freshet.spark;

import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.Materializer;
import dev.freshet.spec.SourceRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the processor would generate for a view of the stats source (trips, rate): the in-process
 * job reads rows through it. Spark's engine types rows from the view's spec and needs none.
 */
final class StatsMaterializer implements Materializer<StatsMaterializer.Stats> {
  private final String view;

  StatsMaterializer(String view) {
    this.view = view;
  }

  record Stats(long driver, Instant ts, Instant created, Long trips, Double rate)
      implements FeatureRow {
    @Override
    public List<Object> joinKeyValues() {
      return List.of(driver);
    }

    @Override
    public Instant eventTimestamp() {
      return ts;
    }

    @Override
    public Instant createdTimestamp() {
      return created;
    }

    @Override
    public List<Object> featureValues() {
      return Arrays.asList(trips, rate);
    }
  }

  @Override
  public String featureView() {
    return view;
  }

  @Override
  public List<String> columns() {
    return List.of("driver_id", "ts", "created", "trips", "rate");
  }

  @Override
  public Stats toRow(SourceRecord record) {
    return new Stats(
        record.getLong(0),
        record.getInstant(1),
        record.isNull(2) ? null : record.getInstant(2),
        record.isNull(3) ? null : record.getLong(3),
        record.isNull(4) ? null : record.getDouble(4));
  }
}
