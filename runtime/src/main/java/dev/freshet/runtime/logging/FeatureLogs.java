package dev.freshet.runtime.logging;

import dev.freshet.client.FeatureColumn;
import dev.freshet.runtime.config.FeatureLoggingConfig;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.json.ValueDecoder;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.Suggestions;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature services whose served responses are logged ({@code freshet.feature-logging.<name>}),
 * each with its own queue and writer.
 */
@Singleton
public class FeatureLogs implements AutoCloseable {
  private final Map<String, ServiceLog> logs = new HashMap<>();
  private final Map<String, LogSchema> schemas = new HashMap<>();

  public FeatureLogs(
      List<FeatureLoggingConfig> configs,
      FeatureRegistry registry,
      FreshetConfig config,
      MeterRegistry meters) {
    for (FeatureLoggingConfig logging : configs) {
      // Micronaut hands property names over in kebab case: model_v1 arrives as model-v1.
      String configured = logging.getFeatureService();
      FeatureServiceSpec service =
          registry.featureServices().stream()
              .filter(s -> s.name().replace('_', '-').equals(configured.replace('_', '-')))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "freshet.feature-logging."
                              + configured
                              + ": there is no feature service '"
                              + configured
                              + "'"
                              + Suggestions.didYouMean(
                                  configured, registry.featureServiceNames())));
      String name = service.name();
      if (logging.getSampleRate() < 0 || logging.getSampleRate() > 1) {
        throw new IllegalArgumentException(
            "freshet.feature-logging."
                + name
                + ".sample-rate is "
                + logging.getSampleRate()
                + "; give a share from 0 to 1");
      }
      if (logging.getQueueCapacity() < 1) {
        throw new IllegalArgumentException(
            "freshet.feature-logging." + name + ".queue-capacity must be at least 1");
      }
      LogSchema schema = LogSchema.of(registry, service);
      Path directory =
          config.resolve(
              logging.getPath() != null ? logging.getPath() : "data/feature_logs/" + name);
      schemas.put(name, schema);
      logs.put(
          name,
          new ServiceLog(
              name,
              schema,
              directory,
              logging.getSampleRate(),
              logging.getRollSize(),
              logging.getRollInterval(),
              logging.getQueueCapacity(),
              meters));
    }
  }

  /** Whether responses of {@code featureService} are logged. */
  public boolean logs(String featureService) {
    return featureService != null && logs.containsKey(featureService);
  }

  /**
   * Queues a response served for {@code featureService}: the entity rows' join keys by name, typed;
   * the request's entity columns as sent, for the request fields of its on-demand views; and the
   * feature columns in the service's order. Returns at once.
   */
  public void record(
      String featureService,
      Map<String, List<Object>> joinKeys,
      Map<String, List<Object>> sent,
      List<FeatureColumn> columns,
      int rows,
      Instant servedAt) {
    ServiceLog log = logs.get(featureService);
    if (log == null) {
      return;
    }
    LogSchema schema = schemas.get(featureService);
    List<List<Object>> keys = new ArrayList<>(schema.joinKeys().size());
    for (int i = 0; i < schema.joinKeys().size(); i++) {
      String key = schema.joinKeys().get(i);
      List<Object> typed = joinKeys.get(key);
      if (typed == null) {
        // A request field: the transform read it already, so it decodes.
        List<Object> values = sent.get(key);
        typed = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
          Object value = values == null ? null : values.get(row);
          typed.add(
              value == null
                  ? null
                  : ValueDecoder.decode(
                      value, schema.joinKeyTypes().get(i), "entities." + key, row));
        }
      }
      keys.add(typed);
    }
    log.offer(new LoggedResponse(servedAt, keys, columns, rows));
  }

  @PreDestroy
  @Override
  public void close() {
    logs.values().forEach(ServiceLog::close);
  }
}
