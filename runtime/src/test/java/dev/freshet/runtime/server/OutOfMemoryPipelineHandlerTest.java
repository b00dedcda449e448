package dev.freshet.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the out-of-memory handler does with the exceptions that travel a connection's pipeline. */
class OutOfMemoryPipelineHandlerTest {
  private final AtomicInteger halts = new AtomicInteger();
  private final List<Throwable> passedOn = new ArrayList<>();

  /**
   * What the handler passes on, kept here rather than by EmbeddedChannel, which would rethrow an
   * OutOfMemoryError into the test's fork (and Surefire takes that for a crashed fork).
   */
  private final ChannelInboundHandlerAdapter rest =
      new ChannelInboundHandlerAdapter() {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
          passedOn.add(cause);
        }
      };

  /** A handler ahead of it whose read fails as a handler of Micronaut's or Freshet's could. */
  private static ChannelInboundHandlerAdapter failingWith(Throwable failure) {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        throw sneaky(failure);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable failure) throws T {
    throw (T) failure;
  }

  @Test
  void anOutOfMemoryErrorRaisedAheadOfItHalts() {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            failingWith(new OutOfMemoryError("Java heap space")),
            new OutOfMemory.PipelineHandler(halts::incrementAndGet),
            rest);

    channel.writeInbound("request");

    assertThat(halts).hasValue(1);
    assertThat(passedOn).singleElement().isInstanceOf(OutOfMemoryError.class);
    channel.finishAndReleaseAll();
  }

  @Test
  void anOutOfMemoryErrorAsACauseHalts() {
    EmbeddedChannel channel =
        new EmbeddedChannel(new OutOfMemory.PipelineHandler(halts::incrementAndGet), rest);

    channel.pipeline().fireExceptionCaught(new IllegalStateException(new OutOfMemoryError()));

    assertThat(halts).hasValue(1);
    channel.finishAndReleaseAll();
  }

  @Test
  void anyOtherFailureGoesOnUntouched() {
    IllegalStateException failure = new IllegalStateException("broken");
    EmbeddedChannel channel =
        new EmbeddedChannel(
            failingWith(failure), new OutOfMemory.PipelineHandler(halts::incrementAndGet), rest);

    channel.writeInbound("request");

    assertThat(halts).hasValue(0);
    assertThat(passedOn).containsExactly(failure);
    channel.finishAndReleaseAll();
  }
}
