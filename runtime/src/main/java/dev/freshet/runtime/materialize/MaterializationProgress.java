package dev.freshet.runtime.materialize;

import java.time.Instant;
import java.util.List;

/** What a materialization run tells the person watching it. Called from several threads. */
public interface MaterializationProgress {
  void header(List<String> views, Instant end, String store);

  /**
   * A view starts at {@code start}, for the reason {@code why} gives ("as asked", ...), with about
   * {@code entities} to write: negative when an engine counts them only as it writes.
   */
  void started(String view, Instant start, String why, long entities);

  void advanced(String view, long entitiesDone);

  void finished(ViewSummary summary);

  void failed(String view, Exception cause);

  /** Reports nothing, for callers with no one watching. */
  MaterializationProgress SILENT =
      new MaterializationProgress() {
        @Override
        public void header(List<String> views, Instant end, String store) {}

        @Override
        public void started(String view, Instant start, String why, long entities) {}

        @Override
        public void advanced(String view, long entitiesDone) {}

        @Override
        public void finished(ViewSummary summary) {}

        @Override
        public void failed(String view, Exception cause) {}
      };
}
