package dev.freshet.runtime.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request bytes the server decodes at once, across every connection: a request is taken only
 * when its body fits in what is left, and gives it back once answered. It bounds what parsing costs
 * the heap (a JSON body becomes about ten times its size in objects while it is read and typed), so
 * that many large requests at once are refused with a 503 rather than exhausting it.
 */
final class DecodingBudget {
  private final long limit;
  private final AtomicLong taken = new AtomicLong();

  DecodingBudget(long limit) {
    this.limit = limit;
  }

  /**
   * The default: a thirty-second of the heap, and at least one body of the largest size allowed,
   * which would otherwise never be taken.
   */
  static long defaultLimit(long maxRequestSize) {
    return Math.max(maxRequestSize, Runtime.getRuntime().maxMemory() / 32);
  }

  /** Takes {@code bytes} if they fit; false when they do not, and nothing is taken. */
  boolean tryTake(long bytes) {
    while (true) {
      long now = taken.get();
      if (now + bytes > limit && now > 0) {
        return false;
      }
      if (taken.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void giveBack(long bytes) {
    taken.addAndGet(-bytes);
  }

  long limit() {
    return limit;
  }
}
