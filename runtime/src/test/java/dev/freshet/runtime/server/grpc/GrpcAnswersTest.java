package dev.freshet.runtime.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.freshet.feast.proto.serving.FeatureList;
import dev.freshet.feast.proto.serving.FieldStatus;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse.FeatureVector;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponseMetadata;
import dev.freshet.feast.proto.types.Value;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.logging.FeatureLogs;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.TestRows.Row;
import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import dev.freshet.runtime.serving.OnlineAnswer;
import dev.freshet.runtime.serving.OnlineFeatures;
import dev.freshet.runtime.serving.ServedStore;
import dev.freshet.runtime.serving.ServingIndex;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.TestRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.BeanProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gRPC answer written straight into its bytes reads, with Feast's generated classes, as the
 * response built from literal values: statuses (PRESENT, NULL_VALUE, OUTSIDE_MAX_AGE, NOT_FOUND),
 * timestamps, and values typed as the features declare, whether passed on as stored or re-encoded.
 */
class GrpcAnswersTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant RECENT_TIME = NOW.minus(Duration.ofMinutes(30));
  private static final Instant STALE_TIME = NOW.minus(Duration.ofHours(3));

  @TempDir Path directory;
  private OnlineStore store;

  @AfterEach
  void close() {
    store.close();
  }

  private static FeatureViewSpec view(ValueType rate) {
    return new FeatureViewSpec(
        "recent_trips",
        List.of("driver"),
        List.of(new JoinKeySpec("driver_id", ValueType.INT64)),
        "src",
        Duration.ofHours(2),
        true,
        List.of(
            new FeatureSpec("trips", ValueType.INT64, false),
            new FeatureSpec("note", ValueType.STRING, true),
            new FeatureSpec("rate", rate, false),
            new FeatureSpec("tags", ValueType.STRING_LIST, true),
            new FeatureSpec("counts", ValueType.INT64_LIST, true)),
        "",
        Map.of(),
        "");
  }

  private OnlineAnswer answer(FeatureViewSpec written, FeatureViewSpec served) {
    store = EmbeddedOnlineStore.open(directory, "p");
    store.write(
        written,
        List.of(
            new Row(1, RECENT_TIME, 3L, null, 0.25, List.of("a", "ü"), List.of(5L, -6L)),
            new Row(2, STALE_TIME, 9L, "old", 0.5, null, List.of())));
    BeanProvider<OnlineStore> provider = () -> store;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    FeatureRegistry registry = new TestRegistry(List.of(), List.of(served));
    OnlineFeatures features =
        new OnlineFeatures(
            new ServingIndex(registry),
            new ServedStore(provider),
            new ServingConfig(),
            meters,
            new FeatureLogs(List.of(), registry, new FreshetConfig(), meters),
            registry);
    return features.answer(
        null,
        List.of(
            "recent_trips:trips",
            "recent_trips:note",
            "recent_trips:rate",
            "recent_trips:tags",
            "recent_trips:counts"),
        Map.of("driver_id", List.of(1L, 2L, 3L)),
        false);
  }

  private static GetOnlineFeaturesResponse encoded(OnlineAnswer answer) throws Exception {
    ServingIndex index =
        new ServingIndex(new TestRegistry(List.of(), List.of(view(ValueType.DOUBLE))));
    return GetOnlineFeaturesResponse.parseFrom(GrpcAnswers.encode(answer, index::joinKeyType));
  }

  @Test
  void storedValuesOfTheDeclaredTypesReadAsTheLiteralResponse() throws Exception {
    GetOnlineFeaturesResponse response =
        encoded(answer(view(ValueType.DOUBLE), view(ValueType.DOUBLE)));

    assertThat(response).isEqualTo(expected(Value.newBuilder().setDoubleVal(0.25).build(), 0.5));
  }

  @Test
  void aStoredValueOfAnotherTypeIsSentAsTheDeclaredType() throws Exception {
    // Written as DOUBLE, served by a view that declares FLOAT: float_val, as Feast's type says.
    GetOnlineFeaturesResponse response =
        encoded(answer(view(ValueType.DOUBLE), view(ValueType.FLOAT)));

    assertThat(response.getResults(3).getValues(0))
        .isEqualTo(Value.newBuilder().setFloatVal(0.25f).build());
    assertThat(response.getResults(3).getValues(1))
        .isEqualTo(Value.newBuilder().setFloatVal(0.5f).build());
  }

  private static GetOnlineFeaturesResponse expected(Value firstRate, double secondRate) {
    Timestamp epoch = Timestamp.getDefaultInstance();
    Timestamp recent = Timestamp.newBuilder().setSeconds(RECENT_TIME.getEpochSecond()).build();
    Timestamp stale = Timestamp.newBuilder().setSeconds(STALE_TIME.getEpochSecond()).build();
    Value none = Value.getDefaultInstance();
    FieldStatus present = FieldStatus.PRESENT;
    FieldStatus old = FieldStatus.OUTSIDE_MAX_AGE;
    FieldStatus missing = FieldStatus.NOT_FOUND;
    return GetOnlineFeaturesResponse.newBuilder()
        .setMetadata(
            GetOnlineFeaturesResponseMetadata.newBuilder()
                .setFeatureNames(
                    FeatureList.newBuilder()
                        .addAllVal(
                            List.of("driver_id", "trips", "note", "rate", "tags", "counts"))))
        .addResults(
            vector(
                List.of(int64(1), int64(2), int64(3)),
                List.of(present, present, present),
                List.of(epoch, epoch, epoch)))
        .addResults(
            vector(
                List.of(int64(3), int64(9), none),
                List.of(present, old, missing),
                List.of(recent, stale, epoch)))
        .addResults(
            vector(
                List.of(none, Value.newBuilder().setStringVal("old").build(), none),
                List.of(FieldStatus.NULL_VALUE, old, missing),
                List.of(recent, stale, epoch)))
        .addResults(
            vector(
                List.of(firstRate, Value.newBuilder().setDoubleVal(secondRate).build(), none),
                List.of(present, old, missing),
                List.of(recent, stale, epoch)))
        .addResults(
            vector(
                List.of(
                    Value.newBuilder()
                        .setStringListVal(
                            dev.freshet.feast.proto.types.StringList.newBuilder()
                                .addVal("a")
                                .addVal("ü"))
                        .build(),
                    none,
                    none),
                List.of(present, FieldStatus.NULL_VALUE, missing),
                List.of(recent, stale, epoch)))
        .addResults(
            vector(
                List.of(
                    Value.newBuilder()
                        .setInt64ListVal(
                            dev.freshet.feast.proto.types.Int64List.newBuilder()
                                .addVal(5)
                                .addVal(-6))
                        .build(),
                    Value.newBuilder()
                        .setInt64ListVal(
                            dev.freshet.feast.proto.types.Int64List.getDefaultInstance())
                        .build(),
                    none),
                List.of(present, old, missing),
                List.of(recent, stale, epoch)))
        .setStatus(true)
        .build();
  }

  private static Value int64(long value) {
    return Value.newBuilder().setInt64Val(value).build();
  }

  private static FeatureVector vector(
      List<Value> values, List<FieldStatus> statuses, List<Timestamp> timestamps) {
    return FeatureVector.newBuilder()
        .addAllValues(values)
        .addAllStatuses(statuses)
        .addAllEventTimestamps(timestamps)
        .build();
  }
}
