package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import dev.freshet.client.FeatureClientException;
import dev.freshet.client.FeatureStatus;
import dev.freshet.client.FeatureValue;
import dev.freshet.feast.proto.serving.FeatureList;
import dev.freshet.feast.proto.serving.FieldStatus;
import dev.freshet.feast.proto.serving.GetFeastServingInfoRequest;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesRequest;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse.FeatureVector;
import dev.freshet.feast.proto.serving.GrpcFeatureServerGrpc;
import dev.freshet.feast.proto.serving.PushRequest;
import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import dev.freshet.feast.proto.serving.WriteToOnlineStoreRequest;
import dev.freshet.feast.proto.types.RepeatedValue;
import dev.freshet.feast.proto.types.Value;
import dev.freshet.runtime.client.GrpcRemoteTransport;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.runtime.server.grpc.GrpcTransport;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feast's gRPC API of the real server on random ports, over a copy of the sample, against each
 * store, called through stubs generated from Freshet's protos as a Feast client calls it: the
 * workshop's values, statuses and times, the HTTP API's error messages as gRPC statuses, tokens and
 * roles, and a push then a read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GrpcServingContract {
  private static final String READ_TOKEN = "grpc-read-token";
  private static final String WRITE_TOKEN = "grpc-write-token";
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> ERROR_CODE =
      Metadata.Key.of("freshet-error-code", Metadata.ASCII_STRING_MARSHALLER);
  private static final Timestamp EPOCH = Timestamp.getDefaultInstance();
  private static final Timestamp WORKSHOP_TIME =
      Timestamp.newBuilder()
          .setSeconds(Instant.parse("2022-03-14T14:00:00Z").getEpochSecond())
          .build();

  @TempDir static Path root;
  private FeatureServer server;
  ManagedChannel channel;
  private int servers;

  /** Properties selecting the store under test. */
  abstract Map<String, Object> storeProperties();

  /**
   * Loads the sample's data into the store before the first server starts, when bootstrap does not.
   */
  void prepareStore(Path repo) {}

  @BeforeAll
  void startServer() throws Exception {
    prepareStore(repository(0));
    server =
        start(
            Map.of(
                "freshet.serving.read-token", READ_TOKEN,
                "freshet.serving.write-token", WRITE_TOKEN));
    channel = channel(server);
  }

  @AfterAll
  void stopServer() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void modelV1ServesTheWorkshopValueOverBothServices() {
    GetOnlineFeaturesRequest request =
        GetOnlineFeaturesRequest.newBuilder()
            .setFeatureService("model_v1")
            .putEntities("driver_id", int64s(1001))
            .build();

    for (GetOnlineFeaturesResponse response :
        List.of(
            serving(READ_TOKEN).getOnlineFeatures(request),
            featureServer(READ_TOKEN).getOnlineFeatures(request))) {
      assertThat(response.getMetadata().getFeatureNames().getValList())
          .containsExactly("driver_id", "conv_rate");
      assertThat(response.getResultsList())
          .containsExactly(
              column(int64(1001), FieldStatus.PRESENT, EPOCH),
              column(
                  Value.newBuilder().setFloatVal(0.40458846f).build(),
                  FieldStatus.PRESENT,
                  WORKSHOP_TIME));
      assertThat((double) response.getResults(1).getValues(0).getFloatVal())
          .isEqualTo(0.4045884609222412);
      assertThat(response.getStatus()).isTrue();
    }
  }

  @Test
  void modelV3TakesTheRequestValueFromRequestContext() {
    GetOnlineFeaturesRequest request =
        GetOnlineFeaturesRequest.newBuilder()
            .setFeatureService("model_v3")
            .putEntities("driver_id", int64s(1001, 9999))
            .putRequestContext("val_to_add", int64s(1000, 1))
            .build();

    for (GetOnlineFeaturesResponse response :
        List.of(
            serving(READ_TOKEN).getOnlineFeatures(request),
            featureServer(READ_TOKEN).getOnlineFeatures(request))) {
      assertThat(response.getMetadata().getFeatureNames().getValList())
          .containsExactly("driver_id", "conv_rate", "conv_rate_plus_val1", "conv_rate_plus_val2");
      // conv_rate's float widened, plus the request's value; driver 9999 is not found.
      assertThat(response.getResults(2))
          .isEqualTo(
              FeatureVector.newBuilder()
                  .addValues(Value.newBuilder().setDoubleVal(0.4045884609222412 + 1000))
                  .addValues(Value.getDefaultInstance())
                  .addStatuses(FieldStatus.PRESENT)
                  .addStatuses(FieldStatus.NOT_FOUND)
                  .addEventTimestamps(WORKSHOP_TIME)
                  .addEventTimestamps(EPOCH)
                  .build());
    }

    assertRefused(
        GetOnlineFeaturesRequest.newBuilder()
            .setFeatureService("model_v3")
            .putEntities("driver_id", int64s(1001))
            .build(),
        Status.Code.INVALID_ARGUMENT,
        "FRESHET-API-001",
        "the request has no entities.val_to_add, which on-demand feature view"
            + " 'transformed_conv_rate' takes from request source 'vals_to_add'; send it beside"
            + " the join keys, one value per entity row",
        "{\"feature_service\": \"model_v3\", \"entities\": {\"driver_id\": [1001]}}");
  }

  @Test
  void listedFeaturesWithFullNamesAndAnUnknownDriverNotFound() {
    GetOnlineFeaturesResponse response =
        serving(READ_TOKEN)
            .getOnlineFeatures(
                GetOnlineFeaturesRequest.newBuilder()
                    .setFeatures(
                        FeatureList.newBuilder()
                            .addVal("driver_hourly_stats:conv_rate")
                            .addVal("driver_hourly_stats:acc_rate"))
                    .putEntities("driver_id", int64s(1001, 1234))
                    .setFullFeatureNames(true)
                    .build());

    assertThat(response.getMetadata().getFeatureNames().getValList())
        .containsExactly(
            "driver_id", "driver_hourly_stats__conv_rate", "driver_hourly_stats__acc_rate");
    FeatureVector convRate = response.getResults(1);
    assertThat(convRate.getValuesList())
        .containsExactly(
            Value.newBuilder().setFloatVal(0.40458846f).build(), Value.getDefaultInstance());
    assertThat(convRate.getStatusesList())
        .containsExactly(FieldStatus.PRESENT, FieldStatus.NOT_FOUND);
    assertThat(convRate.getEventTimestampsList()).containsExactly(WORKSHOP_TIME, EPOCH);
    assertThat(response.getResults(2).getStatusesList())
        .containsExactly(FieldStatus.PRESENT, FieldStatus.NOT_FOUND);
  }

  @Test
  void badRequestsAreTheHttpErrorsAsGrpcStatuses() {
    assertRefused(
        features("driver_hourly_stats:conv_rat", int64(1001)),
        Status.Code.INVALID_ARGUMENT,
        "FRESHET-API-005",
        "feature view 'driver_hourly_stats' has no feature 'conv_rat'; did you mean 'conv_rate'?",
        "{\"features\": [\"driver_hourly_stats:conv_rat\"], \"entities\": {\"driver_id\": [1001]}}");
    assertRefused(
        features("driver_hourly_statz:conv_rate", int64(1001)),
        Status.Code.INVALID_ARGUMENT,
        "FRESHET-API-004",
        "feature view 'driver_hourly_statz' does not exist; did you mean 'driver_hourly_stats'?",
        "{\"features\": [\"driver_hourly_statz:conv_rate\"], \"entities\": {\"driver_id\": [1001]}}");
    assertRefused(
        GetOnlineFeaturesRequest.newBuilder()
            .setFeatureService("modelv1")
            .putEntities("driver_id", int64s(1001))
            .build(),
        Status.Code.NOT_FOUND,
        "FRESHET-API-006",
        "feature service 'modelv1' does not exist; did you mean 'model_v1'?",
        "{\"feature_service\": \"modelv1\", \"entities\": {\"driver_id\": [1001]}}");
    assertRefused(
        features("driver_hourly_stats:conv_rate", Value.newBuilder().setStringVal("one").build()),
        Status.Code.INVALID_ARGUMENT,
        "FRESHET-API-001",
        "entities.driver_id[0] is \"one\", which cannot be read as INT64",
        "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": [\"one\"]}}");
  }

  @Test
  void limitsAndMissingPartsAreTheHttpErrorsAsGrpcStatuses() {
    RepeatedValue.Builder tooMany = RepeatedValue.newBuilder();
    StringBuilder json = new StringBuilder();
    for (int row = 0; row <= 10_000; row++) {
      tooMany.addVal(int64(1001));
      json.append(row == 0 ? "" : ",").append("1001");
    }
    assertRefused(
        GetOnlineFeaturesRequest.newBuilder()
            .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate"))
            .putEntities("driver_id", tooMany.build())
            .build(),
        Status.Code.RESOURCE_EXHAUSTED,
        "FRESHET-API-003",
        "entities.driver_id has more than 10000 rows (freshet.serving.max-entity-rows); split the"
            + " request",
        "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": ["
            + json
            + "]}}");
    assertRefused(
        GetOnlineFeaturesRequest.newBuilder().putEntities("driver_id", int64s(1001)).build(),
        Status.Code.INVALID_ARGUMENT,
        "FRESHET-API-001",
        "the request names no features; give \"features\": [\"view:feature\", ...] or"
            + " \"feature_service\"",
        "{\"entities\": {\"driver_id\": [1001]}}");
    assertRefused(
        GetOnlineFeaturesRequest.newBuilder()
            .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate"))
            .putEntities("driver_id", RepeatedValue.getDefaultInstance())
            .build(),
        Status.Code.INVALID_ARGUMENT,
        "FRESHET-API-001",
        "entities.driver_id is empty; give at least one entity",
        "{\"features\": [\"driver_hourly_stats:conv_rate\"], \"entities\": {\"driver_id\": []}}");
    assertRefused(
        GetOnlineFeaturesRequest.newBuilder()
            .setFeatures(
                FeatureList.newBuilder()
                    .addVal("driver_hourly_stats:conv_rate")
                    .addVal("driver_hourly_stats:conv_rate"))
            .putEntities("driver_id", int64s(1001))
            .build(),
        Status.Code.INVALID_ARGUMENT,
        "FRESHET-API-001",
        "two requested features are named 'conv_rate'; ask with \"full_feature_names\": true to"
            + " tell them apart",
        "{\"features\": [\"driver_hourly_stats:conv_rate\", \"driver_hourly_stats:conv_rate\"],"
            + " \"entities\": {\"driver_id\": [1001]}}");
  }

  @Test
  void aMissingOrWrongTokenIsUnauthenticated() {
    GetOnlineFeaturesRequest request = features("driver_hourly_stats:conv_rate", int64(1001));
    for (ServingServiceGrpc.ServingServiceBlockingStub stub :
        List.of(ServingServiceGrpc.newBlockingStub(channel), serving("not-the-token"))) {
      StatusRuntimeException refused =
          catchThrowableOfType(StatusRuntimeException.class, () -> stub.getOnlineFeatures(request));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(refused.getStatus().getDescription())
          .isEqualTo(
              "feast.serving.ServingService/GetOnlineFeatures needs the header Authorization:"
                  + " Bearer <token>");
      assertThat(refused.getTrailers().get(ERROR_CODE)).isEqualTo("FRESHET-API-015");
    }
    // The read token does not push.
    StatusRuntimeException refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> featureServer(READ_TOKEN).push(push("631.9", "2023-03-03 12:00:00")));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void aRoleThatDoesNotReadIsPermissionDeniedAndCounted() throws Exception {
    try (FeatureServer pushOnly = start(Map.of("freshet.serving.role", "push"))) {
      ManagedChannel pushChannel = channel(pushOnly);
      try {
        StatusRuntimeException refused =
            catchThrowableOfType(
                StatusRuntimeException.class,
                () ->
                    ServingServiceGrpc.newBlockingStub(pushChannel)
                        .getOnlineFeatures(features("driver_hourly_stats:conv_rate", int64(1001))));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription())
            .isEqualTo(
                "this server has role push; it answers /push and /materialize*, not"
                    + " feast.serving.ServingService/GetOnlineFeatures");
        assertThat(refused.getTrailers().get(ERROR_CODE)).isEqualTo("FRESHET-API-016");
        assertThat(Http.get(pushOnly.url(), "/metrics").body())
            .contains(
                "grpc_server_calls_seconds_count{code=\"PERMISSION_DENIED\","
                    + "method=\"feast.serving.ServingService/GetOnlineFeatures\"} 1");
      } finally {
        pushChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aPushIsServedAndAnOlderPushDoesNotOverwriteIt() {
    assertThat(featureServer(WRITE_TOKEN).push(push("631.9", "2023-03-03 12:00:00")).getStatus())
        .isTrue();
    assertThat(featureServer(WRITE_TOKEN).push(push("1.5", "2023-03-03T11:00:00Z")).getStatus())
        .isTrue();

    GetOnlineFeaturesResponse response =
        serving(READ_TOKEN)
            .getOnlineFeatures(features("driver_daily_features:daily_miles_driven", int64(1001)));
    assertThat(response.getResults(1))
        .isEqualTo(
            column(
                Value.newBuilder().setFloatVal(631.9f).build(),
                FieldStatus.PRESENT,
                Timestamp.newBuilder()
                    .setSeconds(Instant.parse("2023-03-03T12:00:00Z").getEpochSecond())
                    .build()));
  }

  @Test
  void writeToOnlineStoreWritesAViewOfAFileSourceAndRefusesWhatAPushRefuses() {
    WriteToOnlineStoreRequest row =
        WriteToOnlineStoreRequest.newBuilder()
            .setFeatureViewName("driver_hourly_stats")
            .putFeatures("driver_id", "1077")
            .putFeatures("conv_rate", "0.25")
            .putFeatures("acc_rate", "0.5")
            .putTypedFeatures("miles_driven", Value.newBuilder().setDoubleVal(12.5).build())
            .putFeatures("event_timestamp", "2023-04-01T10:00:00Z")
            .putFeatures("created", "2023-04-01T10:00:01Z")
            .build();
    assertThat(featureServer(WRITE_TOKEN).writeToOnlineStore(row).getStatus()).isTrue();

    GetOnlineFeaturesResponse response =
        serving(READ_TOKEN)
            .getOnlineFeatures(features("driver_hourly_stats:conv_rate", int64(1077)));
    assertThat(response.getResults(1))
        .isEqualTo(
            column(
                Value.newBuilder().setFloatVal(0.25f).build(),
                FieldStatus.PRESENT,
                Timestamp.newBuilder()
                    .setSeconds(Instant.parse("2023-04-01T10:00:00Z").getEpochSecond())
                    .build()));

    StatusRuntimeException unknown =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                featureServer(WRITE_TOKEN)
                    .writeToOnlineStore(
                        row.toBuilder().setFeatureViewName("driver_hourly_stat").build()));
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(unknown.getStatus().getDescription())
        .isEqualTo(
            "feature view 'driver_hourly_stat' does not exist; did you mean 'driver_hourly_stats'?");

    StatusRuntimeException malformed =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                featureServer(WRITE_TOKEN)
                    .writeToOnlineStore(
                        row.toBuilder()
                            .putFeatures("driver_id", "1078")
                            .putFeatures("conv_rate", "high")
                            .build()));
    assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(malformed.getStatus().getDescription())
        .isEqualTo("df.conv_rate[0] is \"high\", which cannot be read as FLOAT");
    assertThat(
            serving(READ_TOKEN)
                .getOnlineFeatures(features("driver_hourly_stats:conv_rate", int64(1078)))
                .getResults(1)
                .getStatuses(0))
        .isEqualTo(FieldStatus.NOT_FOUND);

    StatusRuntimeException readToken =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> featureServer(READ_TOKEN).writeToOnlineStore(row));
    assertThat(readToken.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void reflectionListsTheServicesAndHealthIsServing() throws Exception {
    for (String service : List.of("", "feast.serving.ServingService")) {
      assertThat(
              HealthGrpc.newBlockingStub(channel)
                  .check(HealthCheckRequest.newBuilder().setService(service).build())
                  .getStatus())
          .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse response) {
                    answer.complete(response);
                  }

                  @Override
                  public void onError(Throwable failure) {
                    answer.completeExceptionally(failure);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();
    assertThat(
            answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(ServiceResponse::getName)
                .sorted())
        .containsExactly(
            "feast.serving.GrpcFeatureServer",
            "feast.serving.ServingService",
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection");
  }

  @Test
  void servingInfoNamesFreshet() {
    assertThat(
            ServingServiceGrpc.newBlockingStub(channel)
                .getFeastServingInfo(GetFeastServingInfoRequest.getDefaultInstance())
                .getVersion())
        .startsWith("freshet ");
  }

  /**
   * The call is refused with {@code code} and exactly the message HTTP answers {@code json} with,
   * read from the same server.
   */
  private void assertRefused(
      GetOnlineFeaturesRequest request, Status.Code code, String id, String message, String json) {
    StatusRuntimeException refused =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> serving(READ_TOKEN).getOnlineFeatures(request));
    assertThat(refused.getStatus().getCode()).isEqualTo(code);
    assertThat(refused.getStatus().getDescription()).isEqualTo(message);
    assertThat(refused.getTrailers().get(ERROR_CODE)).isEqualTo(id);
    Http.Response http =
        Http.post(
            server.url(), "/get-online-features", json, "Authorization", "Bearer " + READ_TOKEN);
    assertThat(http.body()).contains("\"code\":\"" + id + "\"");
    assertThat(http.body()).endsWith("\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
  }

  /** The sample's repository of the {@code n}th server, made when first asked for. */
  static Path repository(int n) {
    Path repo = root.resolve("repo" + n);
    try {
      return java.nio.file.Files.isDirectory(repo) ? repo : DriverStats.newRepository(repo);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theTypedClientsOverGrpcGiveWhatHttpAndInProcessGive() throws Exception {
    try (FeatureServer open = start(Map.of());
        GrpcRemoteTransport grpc =
            GrpcRemoteTransport.of("127.0.0.1", open.port(GrpcTransport.class))) {
      FeatureValue<Float> convRate = ModelV1Client.over(grpc).get(1001L).convRate();
      assertThat(convRate)
          .isEqualTo(
              new FeatureValue<>(
                  0.40458846f, FeatureStatus.PRESENT, Instant.parse("2022-03-14T14:00:00Z")));
      assertThat((double) convRate.value()).isEqualTo(0.4045884609222412);
      assertThat(ModelV1Client.remote(open.url().toURI()).get(1001L).convRate())
          .isEqualTo(convRate);
      assertThat(
              ModelV1Client.remote(URI.create("grpc://127.0.0.1:" + open.port(GrpcTransport.class)))
                  .get(1001L)
                  .convRate())
          .isEqualTo(convRate);
      assertThat(ModelV1Client.over(open.inProcessTransport()).get(1001L).convRate())
          .isEqualTo(convRate);

      List<Long> drivers = List.of(1001L, 1002L, 9999L, 1001L);
      List<ModelV2Values> overGrpc = ModelV2Client.over(grpc).getAll(drivers);
      assertThat(overGrpc)
          .isEqualTo(ModelV2Client.remote(open.url().toURI()).getAll(drivers))
          .isEqualTo(ModelV2Client.over(open.inProcessTransport()).getAll(drivers));
      assertThat(overGrpc.get(0).accRate().value()).isEqualTo(0.40757075f);
      assertThat(overGrpc.get(2).milesDriven())
          .isEqualTo(new FeatureValue<>(null, FeatureStatus.NOT_FOUND, Instant.EPOCH));
    }
  }

  @Test
  void modelV3sTypedClientSendsTheRequestValueOverEveryTransport() throws Exception {
    try (FeatureServer open = start(Map.of());
        GrpcRemoteTransport grpc =
            GrpcRemoteTransport.of("127.0.0.1", open.port(GrpcTransport.class))) {
      ModelV3Values one = ModelV3Client.over(grpc).get(1001L, 1000L);
      // conv_rate's float, widened, plus the request's value.
      assertThat(one.convRatePlusVal1())
          .isEqualTo(
              new FeatureValue<>(
                  0.4045884609222412 + 1000,
                  FeatureStatus.PRESENT,
                  Instant.parse("2022-03-14T14:00:00Z")));
      assertThat(one.convRatePlusVal2().value()).isEqualTo((double) 0.40757075f + 1000);

      List<ModelV3Client.Row> rows =
          List.of(
              new ModelV3Client.Row(1001L, 1000L),
              new ModelV3Client.Row(9999L, 1L),
              new ModelV3Client.Row(1001L, -1L));
      List<ModelV3Values> overGrpc = ModelV3Client.over(grpc).getAll(rows);
      assertThat(overGrpc)
          .isEqualTo(ModelV3Client.remote(open.url().toURI()).getAll(rows))
          .isEqualTo(ModelV3Client.over(open.inProcessTransport()).getAll(rows));
      assertThat(overGrpc.get(0)).isEqualTo(one);
      assertThat(overGrpc.get(1).convRatePlusVal1())
          .isEqualTo(new FeatureValue<>(null, FeatureStatus.NOT_FOUND, Instant.EPOCH));
      assertThat(overGrpc.get(2).convRatePlusVal1().value()).isEqualTo(0.4045884609222412 - 1);
    }
  }

  @Test
  void aUriOfAnotherSchemeOrShapeNamesWhatTheClientsTake() {
    assertThatThrownBy(() -> ModelV1Client.remote(URI.create("grpcs://localhost:6570")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no transport for grpcs://localhost:6570: the class path has transports for http,"
                + " https, grpc");
    assertThatThrownBy(() -> ModelV1Client.remote(URI.create("grpc://localhost:6570/serving")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "grpc://localhost:6570/serving is not a gRPC server's address; write grpc://host:port,"
                + " e.g. grpc://localhost:6570");
  }

  @Test
  void theTypedClientOverGrpcReportsTheServersRefusal() {
    try (GrpcRemoteTransport grpc = GrpcRemoteTransport.of(channel, Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> ModelV1Client.over(grpc).get(1001L))
          .isInstanceOf(FeatureClientException.class)
          .hasMessageContaining("answered UNAUTHENTICATED");
    }
  }

  /**
   * A server with {@code extra} properties over a repository of its own (one process holds an
   * embedded store at a time), gRPC on a free port.
   */
  FeatureServer start(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(storeProperties());
    properties.put("freshet.online-store.embedded.path", "data/online_store");
    properties.put("freshet.repo-path", repository(servers++).toString());
    properties.put("micronaut.server.port", -1);
    properties.put("freshet.grpc.enabled", true);
    properties.put("freshet.grpc.port", 0);
    properties.putAll(extra);
    return FeatureServer.start(
        properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }

  static ManagedChannel channel(FeatureServer server) {
    return ManagedChannelBuilder.forAddress("127.0.0.1", server.port(GrpcTransport.class))
        .usePlaintext()
        .build();
  }

  private ServingServiceGrpc.ServingServiceBlockingStub serving(String token) {
    return ServingServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
  }

  private GrpcFeatureServerGrpc.GrpcFeatureServerBlockingStub featureServer(String token) {
    return GrpcFeatureServerGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
  }

  /** {@code authorization: Bearer <token>}, as Feast's clients send it. */
  private static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(
          RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        applier.apply(headers);
      }
    };
  }

  private static PushRequest push(String dailyMiles, String eventTimestamp) {
    return PushRequest.newBuilder()
        .setStreamFeatureView("driver_stats_push_source")
        .setTo("online")
        .putFeatures("driver_id", "1001")
        .putFeatures("daily_miles_driven", dailyMiles)
        .putFeatures("event_timestamp", eventTimestamp)
        .putFeatures("created", "2022-05-18 16:22:34.060287+00:00")
        .build();
  }

  static GetOnlineFeaturesRequest features(String reference, Value driver) {
    return GetOnlineFeaturesRequest.newBuilder()
        .setFeatures(FeatureList.newBuilder().addVal(reference))
        .putEntities("driver_id", RepeatedValue.newBuilder().addVal(driver).build())
        .build();
  }

  static Value int64(long value) {
    return Value.newBuilder().setInt64Val(value).build();
  }

  private static RepeatedValue int64s(long... values) {
    RepeatedValue.Builder repeated = RepeatedValue.newBuilder();
    for (long value : values) {
      repeated.addVal(int64(value));
    }
    return repeated.build();
  }

  private static FeatureVector column(Value value, FieldStatus status, Timestamp timestamp) {
    return FeatureVector.newBuilder()
        .addValues(value)
        .addStatuses(status)
        .addEventTimestamps(timestamp)
        .build();
  }
}
