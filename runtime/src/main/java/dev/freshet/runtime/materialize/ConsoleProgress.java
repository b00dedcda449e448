package dev.freshet.runtime.materialize;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress on a console. On a terminal, one status line redrawn in place with a bar and rows per
 * second for each running view; elsewhere (logs, CI), a plain line per view every few seconds.
 */
public final class ConsoleProgress implements MaterializationProgress {
  private static final Duration TERMINAL_EVERY = Duration.ofMillis(200);
  private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

  private final PrintWriter out;
  private final boolean terminal;
  private final Map<String, Running> running = new TreeMap<>();
  private Instant lastPrint = Instant.EPOCH;
  private int statusWidth;

  private record Running(Instant started, long total, long done) {}

  public ConsoleProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void header(List<String> views, Instant end, String store) {
    lastPrint = Instant.now(); // the first progress line comes after one interval, not at once
    out.printf(
        "Materializing %d feature view%s up to %s into %s:%n",
        views.size(), views.size() == 1 ? "" : "s", end, store);
    out.flush();
  }

  @Override
  public synchronized void started(String view, Instant start, String why, long entities) {
    running.put(view, new Running(Instant.now(), entities, 0));
    if (entities < 0) {
      out.printf("%s: from %s (%s), on the engine%n", view, start, why);
    } else {
      out.printf("%s: from %s (%s), %,d entities to write%n", view, start, why, entities);
    }
    out.flush();
  }

  @Override
  public synchronized void advanced(String view, long entitiesDone) {
    Running state = running.get(view);
    if (state == null) {
      return;
    }
    running.put(view, new Running(state.started(), state.total(), entitiesDone));
    Instant now = Instant.now();
    if (Duration.between(lastPrint, now).compareTo(terminal ? TERMINAL_EVERY : PLAIN_EVERY) < 0) {
      return;
    }
    lastPrint = now;
    if (terminal) {
      StringBuilder status = new StringBuilder();
      running.forEach(
          (name, r) ->
              status.append(status.length() == 0 ? "" : "  ").append(describe(name, r, now)));
      clearStatus();
      out.print(status);
      statusWidth = status.length();
    } else {
      running.forEach((name, r) -> out.println(describe(name, r, now)));
    }
    out.flush();
  }

  @Override
  public synchronized void finished(ViewSummary summary) {
    running.remove(summary.view());
    clearStatus();
    out.printf(
        Locale.ROOT,
        "%s: %,d rows read from %s to %s, %,d entities written, %,d skipped as older, %.1f s%s%n",
        summary.view(),
        summary.rowsRead(),
        summary.start(),
        summary.end(),
        summary.written(),
        summary.skippedAsOlder(),
        summary.took().toMillis() / 1000.0,
        summary.note().isEmpty() ? "" : "; " + summary.note());
    out.flush();
  }

  @Override
  public synchronized void failed(String view, Exception cause) {
    running.remove(view);
    clearStatus();
    out.printf("%s: failed: %s%n", view, cause.getMessage());
    out.flush();
  }

  private void clearStatus() {
    if (terminal && statusWidth > 0) {
      out.print("\r" + " ".repeat(statusWidth) + "\r");
      statusWidth = 0;
    }
  }

  private static String describe(String view, Running state, Instant now) {
    double seconds = Math.max(0.001, Duration.between(state.started(), now).toMillis() / 1000.0);
    long rate = Math.round(state.done() / seconds);
    if (state.total() <= 0) {
      return String.format(Locale.ROOT, "%s %,d (%,d/s)", view, state.done(), rate);
    }
    int percent = (int) Math.min(100, state.done() * 100 / state.total());
    int filled = percent / 5;
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%% %,d/s",
        view,
        "#".repeat(filled),
        ".".repeat(20 - filled),
        percent,
        rate);
  }
}
