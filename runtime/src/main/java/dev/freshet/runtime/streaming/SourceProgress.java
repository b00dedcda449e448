package dev.freshet.runtime.streaming;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How far one partition of a source has come: the greatest event time read from it so far. The task
 * that reads the partition puts it on every event it repartitions (a header), so that the task
 * aggregating after the repartition knows each source partition's progress, however the repartition
 * interleaves them. See {@link Watermark}.
 */
record SourceProgress(int partition, long newestMicros) {
  static final String HEADER = "x-freshet-source-progress";

  /** {@code headers} with this progress in place of any the message came with. */
  Headers addTo(Headers headers) {
    Headers copy = new RecordHeaders(headers.toArray());
    copy.remove(HEADER);
    copy.add(HEADER, ByteBuffer.allocate(12).putInt(partition).putLong(newestMicros).array());
    return copy;
  }

  /**
   * The progress a repartitioned event carries, or null (a message that was not repartitioned
   * here).
   */
  static SourceProgress of(Headers headers) {
    Header header = headers.lastHeader(HEADER);
    if (header == null || header.value() == null || header.value().length != 12) {
      return null;
    }
    ByteBuffer bytes = ByteBuffer.wrap(header.value());
    return new SourceProgress(bytes.getInt(), bytes.getLong());
  }
}
