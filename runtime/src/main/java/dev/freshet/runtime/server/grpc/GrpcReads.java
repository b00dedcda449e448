package dev.freshet.runtime.server.grpc;

import com.google.protobuf.Timestamp;
import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureStatus;
import dev.freshet.feast.proto.serving.FeatureList;
import dev.freshet.feast.proto.serving.FieldStatus;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesRequest;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse.FeatureVector;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponseMetadata;
import dev.freshet.feast.proto.types.RepeatedValue;
import dev.freshet.feast.proto.types.Value;
import dev.freshet.runtime.serving.OnlineAnswer;
import dev.freshet.runtime.serving.OnlineFeatures;
import dev.freshet.runtime.serving.ServingIndex;
import dev.freshet.spec.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GetOnlineFeatures}, of both services: the request's entity values become the scalars the
 * JSON API reads, {@link OnlineFeatures#answer} resolves, types, limits and reads them in one round
 * trip to the store as for {@code POST /get-online-features}, and the answer becomes Feast's
 * column-oriented response: join keys first (their values, PRESENT, at the epoch), then features.
 */
final class GrpcReads {
  private static final FieldStatus[] STATUSES = new FieldStatus[FeatureStatus.values().length];

  static {
    for (FeatureStatus status : FeatureStatus.values()) {
      STATUSES[status.ordinal()] = FieldStatus.valueOf(status.name());
    }
  }

  private final OnlineFeatures onlineFeatures;
  private final ServingIndex index;

  GrpcReads(OnlineFeatures onlineFeatures, ServingIndex index) {
    this.onlineFeatures = onlineFeatures;
    this.index = index;
  }

  GetOnlineFeaturesResponse read(GetOnlineFeaturesRequest request) {
    Map<String, List<Object>> entities = new LinkedHashMap<>();
    for (Map.Entry<String, RepeatedValue> column : request.getEntitiesMap().entrySet()) {
      List<Value> values = column.getValue().getValList();
      List<Object> scalars = new ArrayList<>(values.size());
      for (Value value : values) {
        scalars.add(GrpcValues.scalar(value));
      }
      entities.put(column.getKey(), scalars);
    }
    OnlineAnswer answer =
        onlineFeatures.answer(
            request.getKindCase() == GetOnlineFeaturesRequest.KindCase.FEATURE_SERVICE
                ? request.getFeatureService()
                : null,
            request.getKindCase() == GetOnlineFeaturesRequest.KindCase.FEATURES
                ? request.getFeatures().getValList()
                : null,
            entities,
            request.getFullFeatureNames());
    return response(answer);
  }

  private GetOnlineFeaturesResponse response(OnlineAnswer answer) {
    List<String> joinKeys = answer.joinKeys();
    FeatureList.Builder names = FeatureList.newBuilder().addAllVal(joinKeys);
    for (ServingIndex.Feature feature : answer.features()) {
      names.addVal(feature.outputName(answer.fullNames()));
    }
    GetOnlineFeaturesResponse.Builder response =
        GetOnlineFeaturesResponse.newBuilder()
            .setMetadata(GetOnlineFeaturesResponseMetadata.newBuilder().setFeatureNames(names))
            .setStatus(true);
    Timestamp epoch = Timestamp.getDefaultInstance();
    for (String key : joinKeys) {
      ValueType type = index.joinKeyType(key);
      FeatureVector.Builder column = response.addResultsBuilder();
      for (Object value : answer.entities().get(key)) {
        column.addValues(GrpcValues.value(value, type));
        column.addStatuses(FieldStatus.PRESENT);
        column.addEventTimestamps(epoch);
      }
    }
    // A view's features share their rows' timestamps: each converted once.
    Map<Instant, Timestamp> timestamps = new HashMap<>();
    for (int i = 0; i < answer.columns().size(); i++) {
      ValueType type = answer.features().get(i).type();
      FeatureColumn values = answer.columns().get(i);
      FeatureVector.Builder column = response.addResultsBuilder();
      for (int row = 0; row < values.values().size(); row++) {
        column.addValues(GrpcValues.value(values.values().get(row), type));
        column.addStatuses(STATUSES[values.statuses().get(row).ordinal()]);
        column.addEventTimestamps(
            timestamps.computeIfAbsent(
                values.eventTimestamps().get(row),
                t ->
                    Timestamp.newBuilder()
                        .setSeconds(t.getEpochSecond())
                        .setNanos(t.getNano())
                        .build()));
      }
    }
    return response.build();
  }
}
