package dev.freshet.runtime.server.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every gRPC call in {@code /metrics}, refused ones included: {@code grpc_server_calls_seconds}
 * (count, sum and latency histogram buckets) per method and status code, beside HTTP's {@code
 * http_server_requests_seconds}.
 */
final class GrpcMetrics implements ServerInterceptor {
  private static final Status.Code[] CODES = Status.Code.values();

  private final MeterRegistry meters;

  /**
   * Per method, a timer per status code, registered on first use: building and registering one per
   * call showed in the server's profile under load.
   */
  private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

  GrpcMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    long started = System.nanoTime();
    String method = call.getMethodDescriptor().getFullMethodName();
    Timer[] byCode = timers.computeIfAbsent(method, m -> new Timer[CODES.length]);
    return next.startCall(
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            int code = status.getCode().ordinal();
            Timer timer = byCode[code];
            if (timer == null) {
              // Registering again gives the registry's timer: a race here loses nothing.
              timer = timer(method, status.getCode());
              byCode[code] = timer;
            }
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            super.close(status, trailers);
          }
        },
        headers);
  }

  private Timer timer(String method, Status.Code code) {
    return Timer.builder("grpc.server.calls")
        .description("Time to answer a gRPC call, per method and status code")
        .tag("method", method)
        .tag("code", code.name())
        .publishPercentileHistogram()
        .register(meters);
  }
}
