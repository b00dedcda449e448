package dev.freshet.runtime.server;

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
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        halt();
      }
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

  /** The last handler of a connection's pipeline: an OutOfMemoryError that reached it halts. */
  @io.netty.channel.ChannelHandler.Sharable
  static final class LastHandler extends io.netty.channel.ChannelInboundHandlerAdapter {
    static final LastHandler INSTANCE = new LastHandler();

    @Override
    public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
      haltIfOutOfMemory(cause);
      ctx.fireExceptionCaught(cause);
    }
  }

  private static void halt() {
    // No allocation to speak of, no logging framework: the heap is gone.
    System.err.println(
        "freshet: the heap is exhausted (OutOfMemoryError); stopping so that the process is"
            + " restarted (run the JVM with -XX:+ExitOnOutOfMemoryError)");
    Runtime.getRuntime().halt(3);
  }
}
