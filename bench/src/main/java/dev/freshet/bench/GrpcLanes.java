package dev.freshet.bench;

import dev.freshet.bench.ServingWorkload.Request;
import dev.freshet.feast.proto.serving.GetFeastServingInfoRequest;
import dev.freshet.feast.proto.serving.ServingServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * The load generator's gRPC client, as lean as HTTP's {@link HttpConnection}: each request's bytes
 * prepared before timing and each answer taken as bytes, unparsed (the first answer of each size is
 * parsed and checked apart), over one grpc-java channel (one HTTP/2 connection) per lane.
 */
final class GrpcLanes {
  /** {@code ServingService/GetOnlineFeatures}, in bytes both ways. */
  private static final MethodDescriptor<byte[], byte[]> GET_ONLINE_FEATURES =
      ServingServiceGrpc.getGetOnlineFeaturesMethod().toBuilder(Bytes.MARSHALLER, Bytes.MARSHALLER)
          .build();

  private GrpcLanes() {}

  /** A plaintext channel to the server's gRPC port: one HTTP/2 connection. */
  static ManagedChannel channel(int port) {
    // Built by name, as the server's transport is, rather than found by the ServiceLoader.
    // directExecutor: answers are taken on the channel's event loop, with no hand-over to a pool.
    return NettyChannelBuilder.forAddress("localhost", port)
        .usePlaintext()
        .directExecutor()
        .maxInboundMessageSize(64 * 1024 * 1024)
        .build();
  }

  /** Each request's message, serialized before timing as HTTP's bodies are. */
  static List<byte[]> prepared(List<Request> requests) {
    List<byte[]> bytes = new ArrayList<>(requests.size());
    for (Request request : requests) {
      bytes.add(request.grpc().toByteArray());
    }
    return bytes;
  }

  /** Lanes for the open loop: each call made and waited for by the lane's own thread. */
  static IntFunction<LoadGenerator.Lane> blocking(int port, List<byte[]> requests) {
    return lane -> {
      ManagedChannel channel = connected(port);
      return new LoadGenerator.Lane() {
        @Override
        public void call(int request) {
          ClientCalls.blockingUnaryCall(
              channel,
              GET_ONLINE_FEATURES,
              CallOptions.DEFAULT,
              requests.get(request % requests.size()));
        }

        @Override
        public void close() {
          shutDown(channel);
        }
      };
    };
  }

  /**
   * Calls completed per second by {@code laneCount} lanes for {@code phase}, each lane's next call
   * started from its answer's callback on the channel's event loop. A thread waiting on each call,
   * as in {@link LoadGenerator#closedLoop}, costs a grpc-java client two thread hand-overs per call
   * (to the event loop and back), which HTTP's blocking socket does not pay; on the machine's two
   * cores, shared with the server, the client's CPU would bound the figure instead of the server's.
   */
  static double closedLoop(int port, List<byte[]> requests, int laneCount, Duration phase)
      throws InterruptedException {
    List<ManagedChannel> channels = new ArrayList<>();
    for (int l = 0; l < laneCount; l++) {
      channels.add(connected(port));
    }
    AtomicLong done = new AtomicLong();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(laneCount);
    long end = System.nanoTime() + phase.toNanos();
    try {
      for (int l = 0; l < laneCount; l++) {
        new Chain(channels.get(l), requests, l, laneCount, end, done, failed, finished).next();
      }
      if (!finished.await(phase.toSeconds() + 30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gRPC calls still unanswered 30 s after the phase");
      }
    } finally {
      channels.forEach(GrpcLanes::shutDown);
    }
    if (failed.get() != null) {
      throw new IllegalStateException("a gRPC call failed", failed.get());
    }
    return done.get() / (double) phase.toSeconds();
  }

  /** One lane's calls, one after the other: each answer starts the next call until the end. */
  private static final class Chain implements StreamObserver<byte[]> {
    private final ManagedChannel channel;
    private final List<byte[]> requests;
    private final int step;
    private final long end;
    private final AtomicLong done;
    private final AtomicReference<Throwable> failed;
    private final CountDownLatch finished;
    private int request;

    Chain(
        ManagedChannel channel,
        List<byte[]> requests,
        int first,
        int step,
        long end,
        AtomicLong done,
        AtomicReference<Throwable> failed,
        CountDownLatch finished) {
      this.channel = channel;
      this.requests = requests;
      this.request = first;
      this.step = step;
      this.end = end;
      this.done = done;
      this.failed = failed;
      this.finished = finished;
    }

    void next() {
      ClientCalls.asyncUnaryCall(
          channel.newCall(GET_ONLINE_FEATURES, CallOptions.DEFAULT),
          requests.get(request % requests.size()),
          this);
      request += step;
    }

    @Override
    public void onNext(byte[] answer) {}

    @Override
    public void onError(Throwable t) {
      failed.compareAndSet(null, t);
      finished.countDown();
    }

    @Override
    public void onCompleted() {
      done.incrementAndGet();
      if (System.nanoTime() < end) {
        next();
      } else {
        finished.countDown();
      }
    }
  }

  /** Connected before timing, as HTTP's lanes are: a channel connects on its first call. */
  private static ManagedChannel connected(int port) {
    ManagedChannel channel = channel(port);
    ServingServiceGrpc.newBlockingStub(channel)
        .getFeastServingInfo(GetFeastServingInfoRequest.getDefaultInstance());
    return channel;
  }

  private static void shutDown(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Messages as their bytes: sent as prepared, answers kept as they came. */
  private static final class Bytes extends ByteArrayInputStream implements KnownLength, Drainable {
    static final MethodDescriptor.Marshaller<byte[]> MARSHALLER =
        new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(byte[] message) {
            return new Bytes(message);
          }

          @Override
          public byte[] parse(InputStream stream) {
            try {
              return stream.readAllBytes();
            } catch (IOException e) {
              throw new IllegalStateException("cannot read an answer", e);
            }
          }
        };

    private Bytes(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}
