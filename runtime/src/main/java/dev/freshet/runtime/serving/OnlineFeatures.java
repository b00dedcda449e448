package dev.freshet.runtime.serving;

import dev.freshet.client.FeatureColumn;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.json.ValueDecoder;
import dev.freshet.runtime.logging.FeatureLogs;
import dev.freshet.runtime.serving.OnlineRequestReader.Request;
import dev.freshet.runtime.serving.ServingIndex.Feature;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.ValueType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /get-online-features}: reads Feast's request ({@link OnlineRequestReader}), resolves
 * its features against the {@link ServingIndex}, types the entity keys, reads every view and entity
 * in one round trip to the online store ({@link OnlineLookup}), with the inputs of the on-demand
 * views it asks for, computes those ({@link OnDemandReads}), logs the response when its feature
 * service is logged, and streams Feast's response ({@link OnlineResponseWriter}).
 */
@Singleton
public class OnlineFeatures {
  /** What a response's buffer starts at: a 1-entity answer fits, larger ones grow it. */
  public static final int FIRST_RESPONSE_BUFFER_SIZE = 16 * 1024;

  private final ServingIndex index;
  private final ServedStore store;
  private final OnlineRequestReader reader;
  private final MeterRegistry meters;
  private final FeatureLogs featureLogs;
  private final OnDemandReads onDemand;
  private final int maxEntityRows;

  /** One timer per feature service, looked up once rather than rebuilt per request. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public OnlineFeatures(
      ServingIndex index,
      ServedStore store,
      ServingConfig config,
      MeterRegistry meters,
      FeatureLogs featureLogs,
      FeatureRegistry registry) {
    this.featureLogs = featureLogs;
    this.onDemand = new OnDemandReads(registry, index);
    this.index = index;
    this.store = store;
    this.reader = new OnlineRequestReader(config.getMaxEntityRows());
    this.maxEntityRows = config.getMaxEntityRows();
    this.meters = meters;
  }

  /**
   * Answers a request; the response is written to {@code response} only once it is known to
   * succeed.
   */
  public void handle(byte[] body, OutputStream response) {
    long started = System.nanoTime();
    Request request = reader.read(body);
    List<Feature> features = resolve(request);
    OnlineAnswer answer = answer(request, features, Instant.now(), false);
    OnlineResponseWriter.write(
        response, features, request.fullNames(), answer.entities(), answer.columns());
    record(request, started);
  }

  /**
   * Answers a request whose transport has read it already (gRPC) through the same resolution,
   * limits, lookup and feature logging as {@link #handle}; the transport writes the answer.
   *
   * @param entities entity columns of scalars as {@link ValueDecoder} reads them (Long, Double,
   *     String, Boolean, null, or lists of those), typed here as their join keys declare
   */
  public OnlineAnswer answer(
      String featureService,
      List<String> features,
      Map<String, List<Object>> entities,
      boolean fullNames) {
    long started = System.nanoTime();
    for (Map.Entry<String, List<Object>> column : entities.entrySet()) {
      if (column.getValue().size() > maxEntityRows) {
        throw new RequestException(
            ErrorKind.TOO_MANY_ROWS,
            "entities."
                + column.getKey()
                + " has more than "
                + maxEntityRows
                + " rows (freshet.serving.max-entity-rows); split the request");
      }
    }
    Request request = new Request(features, featureService, entities, fullNames);
    OnlineAnswer answer = answer(request, resolve(request), Instant.now(), true);
    record(request, started);
    return answer;
  }

  private void record(Request request, long started) {
    timers
        .computeIfAbsent(
            request.featureService() == null ? "-" : request.featureService(), this::timer)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String featureService) {
    return Timer.builder("freshet.online.features")
        .description(
            "Time to answer /get-online-features, per feature service ('-' for listed features)")
        .tag("feature_service", featureService)
        .publishPercentileHistogram()
        .register(meters);
  }

  List<Feature> resolve(Request request) {
    if (request.featureService() != null) {
      return index.service(request.featureService());
    }
    if (request.features() == null || request.features().isEmpty()) {
      throw RequestException.malformed(
          "the request names no features; give \"features\": [\"view:feature\", ...] or \"feature_service\"");
    }
    List<Feature> features = new ArrayList<>(request.features().size());
    for (String reference : request.features()) {
      features.add(index.feature(reference));
    }
    return features;
  }

  /**
   * @param withStored whether the answer keeps the stored {@code Value} messages
   */
  private OnlineAnswer answer(
      Request request, List<Feature> features, Instant now, boolean withStored) {
    int rows = checkEntities(request);
    Set<String> outputNames = new HashSet<>(2 * features.size());
    for (Feature feature : features) {
      if (!outputNames.add(feature.outputName(request.fullNames()))) {
        throw RequestException.malformed(
            "two requested features are named '"
                + feature.outputName(false)
                + "'; ask with \"full_feature_names\": true to tell them apart");
      }
    }

    Map<String, List<Object>> typed = new LinkedHashMap<>();
    for (Map.Entry<String, List<Object>> column : request.entities().entrySet()) {
      ValueType type = index.joinKeyType(column.getKey());
      if (type == null) {
        continue; // not a join key of any view: ignored, as Feast does
      }
      String name = "entities." + column.getKey();
      List<Object> values = new ArrayList<>(rows);
      for (int row = 0; row < rows; row++) {
        values.add(ValueDecoder.decode(column.getValue().get(row), type, name, row));
      }
      typed.put(column.getKey(), values);
    }
    List<Feature> lookups = onDemand.lookups(features);
    OnlineLookup.Columns read =
        OnlineLookup.lookup(store.get(), lookups, typed, rows, now, withStored);
    List<FeatureColumn> columns =
        onDemand.columns(features, lookups, read.columns(), request.entities(), rows);
    List<byte[][]> stored = read.stored();
    if (lookups != features && stored != null) {
      // Computed values were never stored: their messages are written from the values.
      List<byte[][]> requested = new ArrayList<>(features.size());
      int next = 0;
      for (Feature feature : features) {
        requested.add(feature.computed() ? new byte[rows][] : stored.get(next++));
      }
      stored = requested;
    }
    if (featureLogs.logs(request.featureService())) {
      featureLogs.record(request.featureService(), typed, request.entities(), columns, rows, now);
    }
    return new OnlineAnswer(typed, features, request.fullNames(), columns, stored);
  }

  /** Checks the entity columns: none empty, all as long; returns the number of rows. */
  private static int checkEntities(Request request) {
    int rows = -1;
    String first = null;
    for (Map.Entry<String, List<Object>> column : request.entities().entrySet()) {
      if (column.getValue().isEmpty()) {
        throw RequestException.malformed(
            "entities." + column.getKey() + " is empty; give at least one entity");
      }
      if (rows < 0) {
        rows = column.getValue().size();
        first = column.getKey();
      } else if (column.getValue().size() != rows) {
        throw RequestException.malformed(
            "entity columns differ in length: "
                + first
                + " has "
                + rows
                + " values, "
                + column.getKey()
                + " has "
                + column.getValue().size());
      }
    }
    if (rows < 0) {
      throw RequestException.malformed(
          "the entities are empty; give them as columns, e.g. \"entities\": {\"driver_id\": [1001]}");
    }
    return rows;
  }
}
