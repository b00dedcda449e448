package dev.freshet.runtime.server.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Every gRPC call in {@code /metrics}, refused ones included: {@code grpc_server_calls_seconds}
 * (count, sum and latency histogram buckets) per method and status code, beside HTTP's {@code
 * http_server_requests_seconds}.
 */
final class GrpcMetrics implements ServerInterceptor {
  private final MeterRegistry meters;

  GrpcMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    long started = System.nanoTime();
    String method = call.getMethodDescriptor().getFullMethodName();
    return next.startCall(
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            Timer.builder("grpc.server.calls")
                .description("Time to answer a gRPC call, per method and status code")
                .tag("method", method)
                .tag("code", status.getCode().name())
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            super.close(status, trailers);
          }
        },
        headers);
  }
}
