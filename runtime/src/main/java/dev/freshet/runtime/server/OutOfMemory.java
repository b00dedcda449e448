package dev.freshet.runtime.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * A heap that ran out is not survived: the process stops, so that an orchestrator restarts it,
 * rather than living on with threads that failed halfway and accepting nothing (Netty's event loops
 * wedge after an OutOfMemoryError). {@code -XX:+ExitOnOutOfMemoryError}, as the Dockerfile and the
 * docs run the server, does this at once for every thread; this covers the failures Freshet's
 * handlers and threads see when the JVM was started without it.
 */
final class OutOfMemory {
  private OutOfMemory() {}

  /** Halts the process when {@code failure}, or one of its causes, is an OutOfMemoryError. */
  static void haltIfOutOfMemory(Throwable failure) {
    if (isOutOfMemory(failure)) {
      halt();
    }
  }

  /** Every thread that dies of an OutOfMemoryError halts the process too. */
  static void haltOnUncaught() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, failure) -> {
          haltIfOutOfMemory(failure);
          if (previous != null) {
            previous.uncaughtException(thread, failure);
          } else {
            failure.printStackTrace();
          }
        });
  }

  /** Whether {@code failure}, or one of its causes, is an OutOfMemoryError. */
  static boolean isOutOfMemory(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /**
   * Halts on an OutOfMemoryError that reaches it along a connection's pipeline. It goes right
   * before Micronaut's inbound handler rather than last: that handler ends every exception that
   * reaches it (it logs it and goes on), so a handler after it would never see one, while every
   * exception that a handler between the request gate and Micronaut's raises or passes on goes
   * through this one.
   */
  @ChannelHandler.Sharable
  static final class PipelineHandler extends ChannelInboundHandlerAdapter {
    private final Runnable halt;

    /** {@code halt} stops the process; tests give one that only notes it was called. */
    PipelineHandler(Runnable halt) {
      this.halt = halt;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (isOutOfMemory(cause)) {
        halt.run();
      }
      ctx.fireExceptionCaught(cause);
    }
  }

  /** Stops the process with exit code 3, saying why on standard error. */
  static void halt() {
    // No allocation to speak of, no logging framework: the heap is gone.
    System.err.println(
        "freshet: the heap is exhausted (OutOfMemoryError); stopping so that the process is"
            + " restarted (run the JVM with -XX:+ExitOnOutOfMemoryError)");
    Runtime.getRuntime().halt(3);
  }
}
