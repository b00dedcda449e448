package dev.freshet.runtime.client;

import com.google.protobuf.ByteString;
import dev.freshet.client.FeatureClientException;
import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureRef;
import dev.freshet.client.FeatureStatus;
import dev.freshet.client.FeatureTransport;
import dev.freshet.client.OnlineRequest;
import dev.freshet.client.OnlineResponse;
import dev.freshet.feast.proto.serving.FeatureList;
import dev.freshet.feast.proto.serving.FieldStatus;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesRequest;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesResponse;
import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import dev.freshet.feast.proto.types.Null;
import dev.freshet.feast.proto.types.RepeatedValue;
import dev.freshet.feast.proto.types.Value;
import dev.freshet.runtime.online.layout.Values;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads features for the typed clients from a feature server over Feast's gRPC API ({@code
 * feast.serving.ServingService/GetOnlineFeatures}, served when {@code freshet.grpc.enabled}): the
 * third transport beside the in-process one and HTTP's. {@code
 * ModelV1Client.over(GrpcRemoteTransport.of("features", 6570))}.
 *
 * <p>Values are decoded by the decoder of the Redis layout, since a gRPC answer carries Feast's
 * {@code Value} bytes: a client over gRPC gets the Java values the in-process transport gives. A
 * transport made by {@link #of(String, int)} owns its channel; {@link #close()} shuts it down.
 */
public final class GrpcRemoteTransport implements FeatureTransport, AutoCloseable {
  private final ManagedChannel channel;
  private final boolean owned;
  private final ServingServiceGrpc.ServingServiceBlockingStub stub;
  private final Duration timeout;

  private GrpcRemoteTransport(ManagedChannel channel, boolean owned, Duration timeout) {
    this.channel = channel;
    this.owned = owned;
    this.stub = ServingServiceGrpc.newBlockingStub(channel);
    this.timeout = timeout;
  }

  /**
   * A transport over a plaintext channel of its own to {@code host:port} (the server's {@code
   * freshet.grpc.port}, 6570 by default), 10 s per request.
   */
  public static GrpcRemoteTransport of(String host, int port) {
    // Built by name, as the server's transport is, rather than found by the ServiceLoader.
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(host, port)
            .usePlaintext()
            .maxInboundMessageSize(Integer.MAX_VALUE)
            .build();
    return new GrpcRemoteTransport(channel, true, Duration.ofSeconds(10));
  }

  /**
   * A transport over {@code channel} (TLS, credentials and interceptors are the caller's), with a
   * deadline per request; {@link #close()} leaves the channel open.
   */
  public static GrpcRemoteTransport of(ManagedChannel channel, Duration timeout) {
    return new GrpcRemoteTransport(channel, false, timeout);
  }

  @Override
  public OnlineResponse read(OnlineRequest request) {
    GetOnlineFeaturesResponse response;
    try {
      response =
          stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .getOnlineFeatures(request(request));
    } catch (StatusRuntimeException e) {
      throw new FeatureClientException(
          "the feature server at "
              + channel.authority()
              + " answered "
              + e.getStatus().getCode()
              + ": "
              + e.getStatus().getDescription(),
          e);
    }
    return response(response, request.features());
  }

  /** The request as Feast's message; full feature names so that no two columns share a name. */
  static GetOnlineFeaturesRequest request(OnlineRequest request) {
    GetOnlineFeaturesRequest.Builder message =
        GetOnlineFeaturesRequest.newBuilder().setFullFeatureNames(true);
    if (!request.featureService().isEmpty()) {
      message.setFeatureService(request.featureService());
    } else {
      FeatureList.Builder features = FeatureList.newBuilder();
      for (FeatureRef feature : request.features()) {
        features.addVal(feature.reference());
      }
      message.setFeatures(features);
    }
    for (Map.Entry<String, List<?>> column : request.entities().entrySet()) {
      RepeatedValue.Builder values = RepeatedValue.newBuilder();
      for (Object value : column.getValue()) {
        values.addVal(value(value));
      }
      message.putEntities(column.getKey(), values.build());
    }
    return message.build();
  }

  /**
   * A join key's or request field's value, as the HTTP transport sends it: whole numbers as int64,
   * doubles and floats as double, booleans, bytes, null, anything else (a time) as its text.
   */
  private static Value value(Object value) {
    Value.Builder message = Value.newBuilder();
    if (value == null) {
      message.setNullVal(Null.NULL);
    } else if (value instanceof Double || value instanceof Float) {
      message.setDoubleVal(((Number) value).doubleValue());
    } else if (value instanceof Number number) {
      message.setInt64Val(number.longValue());
    } else if (value instanceof Boolean bool) {
      message.setBoolVal(bool);
    } else if (value instanceof byte[] bytes) {
      message.setBytesVal(ByteString.copyFrom(bytes));
    } else {
      message.setStringVal(String.valueOf(value));
    }
    return message.build();
  }

  /** The feature columns of a response: the last {@code features.size()} results. */
  static OnlineResponse response(GetOnlineFeaturesResponse response, List<FeatureRef> features) {
    int offset = response.getResultsCount() - features.size();
    if (offset < 0) {
      throw new FeatureClientException(
          "the response holds "
              + response.getResultsCount()
              + " columns for "
              + features.size()
              + " features");
    }
    List<FeatureColumn> columns = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      GetOnlineFeaturesResponse.FeatureVector result = response.getResults(offset + i);
      if (result.getStatusesCount() != result.getValuesCount()
          || result.getEventTimestampsCount() != result.getValuesCount()) {
        throw new FeatureClientException(
            "column "
                + features.get(i).reference()
                + " of the response has "
                + result.getValuesCount()
                + " values, "
                + result.getStatusesCount()
                + " statuses and "
                + result.getEventTimestampsCount()
                + " event timestamps");
      }
      List<Object> values = new ArrayList<>(result.getValuesCount());
      List<FeatureStatus> statuses = new ArrayList<>(result.getValuesCount());
      List<Instant> timestamps = new ArrayList<>(result.getValuesCount());
      for (int row = 0; row < result.getValuesCount(); row++) {
        values.add(Values.decode(result.getValues(row).toByteArray()));
        statuses.add(status(result.getStatuses(row)));
        timestamps.add(
            Instant.ofEpochSecond(
                result.getEventTimestamps(row).getSeconds(),
                result.getEventTimestamps(row).getNanos()));
      }
      columns.add(new FeatureColumn(values, statuses, timestamps));
    }
    return new OnlineResponse(columns);
  }

  private static FeatureStatus status(FieldStatus status) {
    return switch (status) {
      case PRESENT -> FeatureStatus.PRESENT;
      case NULL_VALUE -> FeatureStatus.NULL_VALUE;
      case NOT_FOUND -> FeatureStatus.NOT_FOUND;
      case OUTSIDE_MAX_AGE -> FeatureStatus.OUTSIDE_MAX_AGE;
      case INVALID, UNRECOGNIZED ->
          throw new FeatureClientException("the response holds a value of status " + status);
    };
  }

  /** Shuts down the channel when this transport made it. */
  @Override
  public void close() {
    if (owned) {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
