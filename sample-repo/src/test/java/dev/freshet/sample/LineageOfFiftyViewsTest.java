package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The lineage page of a registry much larger than the sample's, in a real headless Chromium against
 * a real server: 50 feature views over 10 file sources and a push source, 5 stream views from a
 * Kafka source, 10 services of 6 views each. Every node is drawn, none overlaps another, each label
 * fits its box, and each node is inside the drawing and can be scrolled into the window.
 */
class LineageOfFiftyViewsTest {
  private static final int FILE_SOURCES = 10;
  private static final int VIEWS = 50;
  private static final int STREAM_VIEWS = 5;
  private static final int SERVICES = 10;
  private static final int VIEWS_PER_SERVICE = 6;

  @TempDir Path root;

  @Test
  void fiftyViewsAreDrawnWithoutOverlapAndWithinReach() throws Exception {
    Path description = root.resolve("registry.json");
    new ObjectMapper().writeValue(description.toFile(), fiftyViews());
    try (FeatureServer server =
            FeatureServer.start(
                Map.of(
                    "freshet.repo-path",
                    root.toString(),
                    "micronaut.server.port",
                    -1,
                    "freshet.serving.bootstrap",
                    false,
                    DescribedRegistryFactory.DESCRIPTION,
                    description.toString()),
                new PrintWriter(new StringWriter()),
                MaterializationProgress.SILENT);
        HeadlessChromium browser = new HeadlessChromium()) {
      browser.open(server.url() + "/ui#lineage", By.cssSelector("#lineage .node"), "lineage-50");
      LineageDrawing drawing = LineageDrawing.of(browser.driver());

      int nodes = FILE_SOURCES + 2 + VIEWS + STREAM_VIEWS + SERVICES;
      // Each view from its source, each stream view from Kafka and into its view, the Kafka and
      // push sources from their batch source, each service from its views.
      int edges = VIEWS + 2 * STREAM_VIEWS + 2 + SERVICES * VIEWS_PER_SERVICE;
      assertThat(drawing.ids())
          .hasSize(nodes)
          .doesNotHaveDuplicates()
          .contains(
              "source:driver_events",
              "source:pushed_stats",
              "view:driver_stats_view_49_with_a_rather_long_name",
              "stream:miles_stream_4",
              "service:model_9");
      assertThat(drawing.edges()).isEqualTo(edges);
      assertThat(drawing.overlapping()).as("nodes drawn over each other").isEmpty();
      assertThat(drawing.outsideTheDrawing()).as("nodes outside the drawing").isEmpty();
      assertThat(drawing.labelsCut()).as("labels running out of their box").isEmpty();
      assertThat(drawing.outOfReach()).as("nodes scrolling cannot show").isEmpty();
      assertThat(drawing.edgesBehindBoxes())
          .as("edges drawn behind boxes they do not join")
          .isEmpty();
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  /** The registry's description, as the processor would write it for such a repository. */
  private static ObjectNode fiftyViews() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode registry = json.createObjectNode();
    ObjectNode driver = registry.putArray("entities").addObject().put("name", "driver");
    driver.putArray("join_keys").addObject().put("name", "driver_id").put("type", "INT64");
    ArrayNode sources = registry.putArray("data_sources");
    for (int s = 0; s < FILE_SOURCES; s++) {
      sources
          .addObject()
          .put("name", "stats_source_" + s)
          .put("kind", "file")
          .put("path", "data/stats_" + s + ".parquet")
          .put("timestamp_field", "event_timestamp");
    }
    sources
        .addObject()
        .put("name", "pushed_stats")
        .put("kind", "push")
        .put("batch_source", "stats_source_0");
    ObjectNode kafka =
        sources
            .addObject()
            .put("name", "driver_events")
            .put("kind", "kafka")
            .put("topic", "drivers")
            .put("format", "JSON")
            .put("watermark_delay", "5m")
            .put("batch_source", "stats_source_0");
    kafka.putArray("fields").addObject().put("name", "miles_driven").put("type", "DOUBLE");
    ArrayNode views = registry.putArray("feature_views");
    for (int v = 0; v < VIEWS; v++) {
      ObjectNode view =
          views
              .addObject()
              .put("name", viewName(v))
              // The stream views write into the first views, which are pushed to.
              .put("source", v < STREAM_VIEWS ? "pushed_stats" : "stats_source_" + v % FILE_SOURCES)
              .put("ttl", "1d")
              .put("online", true);
      view.putArray("entities").add("driver");
      view.putArray("join_keys").addObject().put("name", "driver_id").put("type", "INT64");
      view.putArray("features").addObject().put("name", "conv_rate").put("type", "FLOAT");
    }
    ArrayNode streams = registry.putArray("stream_feature_views");
    for (int s = 0; s < STREAM_VIEWS; s++) {
      ObjectNode stream =
          streams
              .addObject()
              .put("name", "miles_stream_" + s)
              .put("source", "driver_events")
              .put("target_view", viewName(s));
      stream.putArray("aggregations").addObject().put("feature", "conv_rate").put("column", "x");
    }
    ArrayNode services = registry.putArray("feature_services");
    for (int s = 0; s < SERVICES; s++) {
      ArrayNode selections = services.addObject().put("name", "model_" + s).putArray("selections");
      for (int v = 0; v < VIEWS_PER_SERVICE; v++) {
        // Five views of its own and one of the next service's, so that edges cross between rows.
        int view = (s * 5 + v) % VIEWS;
        ObjectNode selection = selections.addObject().put("feature_view", viewName(view));
        selection.put("alias", "").putArray("features").add("conv_rate");
      }
    }
    return registry;
  }

  /** Names of a length seen in real registries, the longest last. */
  private static String viewName(int v) {
    return v == VIEWS - 1
        ? "driver_stats_view_" + v + "_with_a_rather_long_name"
        : "driver_stats_view_" + v;
  }
}
