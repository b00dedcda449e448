package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.client.FeatureClientException;
import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureRef;
import dev.freshet.client.FeatureStatus;
import dev.freshet.client.FeatureTransport;
import dev.freshet.client.FeatureValue;
import dev.freshet.client.OnlineRequest;
import dev.freshet.client.OnlineResponse;
import dev.freshet.spec.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated typed clients, over a transport that answers from a map as a store would. */
class ClientTest {
  private static final Instant AT = Instant.parse("2022-03-14T14:00:00Z");
  private static final Instant EPOCH = Instant.EPOCH;

  /** Answers from rows keyed by driver id and feature reference; records every request. */
  static final class MapTransport implements FeatureTransport {
    final Map<Long, Map<String, Object>> rows = new HashMap<>();
    final List<OnlineRequest> requests = new ArrayList<>();

    @Override
    public OnlineResponse read(OnlineRequest request) {
      requests.add(request);
      List<?> driverIds = request.entities().get("driver_id");
      List<FeatureColumn> columns = new ArrayList<>();
      for (FeatureRef feature : request.features()) {
        List<Object> values = new ArrayList<>();
        List<FeatureStatus> statuses = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (Object id : driverIds) {
          Map<String, Object> row = rows.get((Long) id);
          if (row == null) {
            values.add(null);
            statuses.add(FeatureStatus.NOT_FOUND);
            times.add(EPOCH);
          } else {
            Object value = row.get(feature.reference());
            values.add(value);
            statuses.add(value == null ? FeatureStatus.NULL_VALUE : FeatureStatus.PRESENT);
            times.add(AT);
          }
        }
        columns.add(new FeatureColumn(values, statuses, times));
      }
      return new OnlineResponse(columns);
    }
  }

  private final MapTransport transport = new MapTransport();

  ClientTest() {
    transport.rows.put(
        1001L,
        Map.of(
            "driver_hourly_stats:conv_rate", 0.40458846f,
            "driver_hourly_stats:acc_rate", 0.40757075f,
            "driver_hourly_stats:miles_driven", 46.533293f));
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("driver_hourly_stats:conv_rate", null);
    withNull.put("driver_hourly_stats:acc_rate", 0.5f);
    withNull.put("driver_hourly_stats:miles_driven", 1.0f);
    transport.rows.put(1002L, withNull);
  }

  @Test
  void modelV1ReturnsTheTypedConvRateWithStatusAndTime() {
    ModelV1Values values = ModelV1Client.over(transport).get(1001L);

    assertThat(values.driverId()).isEqualTo(1001L);
    assertThat(values.convRate())
        .isEqualTo(new FeatureValue<>(0.40458846f, FeatureStatus.PRESENT, AT));
    Float convRate = values.convRate().orElseThrow();
    assertThat(convRate).isEqualTo(0.40458846f);
  }

  @Test
  void modelV1AsksForItsFeatureServiceAndFeatures() {
    ModelV1Client.over(transport).get(1001L);

    OnlineRequest request = transport.requests.get(0);
    assertThat(request.featureService()).isEqualTo("model_v1");
    assertThat(request.features())
        .containsExactly(new FeatureRef("driver_hourly_stats", "conv_rate", ValueType.FLOAT));
    assertThat(request.entities()).containsExactly(Map.entry("driver_id", List.of(1001L)));
  }

  @Test
  void getAllKeepsOrderAndDuplicatesInOneRoundTrip() {
    List<ModelV2Values> values =
        ModelV2Client.over(transport).getAll(List.of(1002L, 9999L, 1001L, 1002L));

    assertThat(transport.requests).hasSize(1);
    assertThat(values)
        .extracting(ModelV2Values::driverId)
        .containsExactly(1002L, 9999L, 1001L, 1002L);
    assertThat(values.get(0).convRate().status()).isEqualTo(FeatureStatus.NULL_VALUE);
    assertThat(values.get(0).convRate().orElse(-1f)).isEqualTo(-1f);
    assertThat(values.get(0).accRate().value()).isEqualTo(0.5f);
    assertThat(values.get(1).milesDriven())
        .isEqualTo(new FeatureValue<Float>(null, FeatureStatus.NOT_FOUND, EPOCH));
    assertThat(values.get(2).accRate().value()).isEqualTo(0.40757075f);
    assertThat(values.get(3)).isEqualTo(values.get(0));
  }

  @Test
  void aViewClientListsItsFeaturesWithoutAService() {
    DriverHourlyStatsValues values = DriverHourlyStatsClient.over(transport).get(1001L);

    assertThat(transport.requests.get(0).featureService()).isEmpty();
    assertThat(transport.requests.get(0).features())
        .extracting(FeatureRef::reference)
        .containsExactly(
            "driver_hourly_stats:conv_rate",
            "driver_hourly_stats:acc_rate",
            "driver_hourly_stats:miles_driven");
    assertThat(values.milesDriven().value()).isEqualTo(46.533293f);
  }

  @Test
  void aTransportAnsweringWithTheWrongTypeIsAClearError() {
    FeatureTransport wrong =
        request ->
            new OnlineResponse(
                List.of(
                    new FeatureColumn(
                        List.of("0.4"), List.of(FeatureStatus.PRESENT), List.of(AT))));
    assertThatThrownBy(() -> ModelV1Client.over(wrong).get(1001L))
        .isInstanceOf(FeatureClientException.class)
        .hasMessageContaining("is a String, expected a Float");
  }
}
