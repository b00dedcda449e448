package dev.freshet.runtime.offline;

import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.PushSourceSpec;
import java.util.Optional;

/**
 * The file a view's history is read from: its source, or the batch source behind a push or Kafka
 * source.
 */
public final class BatchSources {
  private BatchSources() {}

  public static Optional<FileSourceSpec> of(FeatureRegistry registry, FeatureViewSpec view) {
    return registry.dataSource(view.source()).flatMap(source -> batch(registry, source));
  }

  private static Optional<FileSourceSpec> batch(FeatureRegistry registry, DataSourceSpec source) {
    if (source instanceof FileSourceSpec file) {
      return Optional.of(file);
    }
    String batch =
        source instanceof PushSourceSpec push
            ? push.batchSource()
            : source instanceof KafkaSourceSpec kafka ? kafka.batchSource() : "";
    return batch.isEmpty()
        ? Optional.empty()
        : registry.dataSource(batch).flatMap(found -> batch(registry, found));
  }
}
