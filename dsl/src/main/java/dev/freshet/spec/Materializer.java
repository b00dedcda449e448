package dev.freshet.spec;

import java.util.List;

/**
 * Turns records of a view's batch source into the view's typed rows. Generated per feature view; it
 * reads each column by position and never reflects.
 *
 * @param <R> the view's generated row record
 */
public interface Materializer<R extends FeatureRow> {
  /** The feature view this materializer fills. */
  String featureView();

  /**
   * The source columns it reads, after the field mapping: join keys, event timestamp, created
   * timestamp (when the source has one), then features. {@link SourceRecord} positions refer to
   * this list.
   */
  List<String> columns();

  /** The row of {@code record}. */
  R toRow(SourceRecord record);
}
