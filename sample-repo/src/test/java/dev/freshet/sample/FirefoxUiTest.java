package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real headless Firefox (Debian's ESR, over WebDriver BiDi: {@link
 * HeadlessFirefox}) against a real server on the sample: each page is drawn with no console error,
 * and "Try it" shows driver 1001's conv_rate. {@link WebUiTest} asks the rest of Chromium; this
 * asks what a second engine could break (the script, the drawing, the form). Screenshots go to
 * {@code target/ui-screenshots/firefox-*.png}.
 */
class FirefoxUiTest {
  @TempDir Path root;

  @Test
  void everyPageIsDrawnAndTryItShowsDriver1001() throws Exception {
    DriverStats.newRepository(root.resolve("repo"));
    try (FeatureServer server =
            FeatureServer.start(
                Map.of(
                    "freshet.repo-path",
                    root.resolve("repo").toString(),
                    "micronaut.server.port",
                    -1),
                new PrintWriter(new StringWriter()),
                MaterializationProgress.SILENT);
        HeadlessFirefox firefox = new HeadlessFirefox(root.resolve("profile"))) {
      String ui = server.url() + "/ui";
      firefox.open(ui + "#overview");
      firefox.await("document.querySelector('#counts td')");
      assertThat(firefox.evaluate("document.getElementById('project').textContent"))
          .isEqualTo("driver_churn");
      assertThat(
              firefox.evaluate(
                  "[...document.querySelectorAll('#counts td')].map((td) => td.textContent).join(' ')"))
          .isEqualTo("1 4 2 1 1 3");
      firefox.screenshot("firefox-overview");

      firefox.open(ui + "#definitions");
      firefox.await("document.querySelectorAll('.definition').length === 12");
      firefox.screenshot("firefox-definitions");

      firefox.open(ui + "#lineage");
      firefox.await("document.querySelectorAll('#lineage .node').length === 11");
      assertThat(firefox.evaluate("document.querySelectorAll('#lineage .edge').length"))
          .isEqualTo("12");
      firefox.screenshot("firefox-lineage");

      firefox.open(ui + "#freshness");
      firefox.await("/^updated /.test(document.getElementById('stream-status')?.textContent)");
      assertThat(
              firefox.evaluate(
                  "document.querySelector('#batch-freshness tr[data-view=driver_hourly_stats]')"
                      + ".textContent"))
          .contains("1h");
      firefox.screenshot("firefox-freshness");

      firefox.open(ui + "#try");
      firefox.await("document.getElementById('service')");
      firefox.evaluate(
          "(() => { const s = document.getElementById('service'); s.value = 'model_v1';"
              + " s.dispatchEvent(new Event('change')); document.getElementById('get').click(); })()");
      firefox.await("document.querySelector('#values tr[data-feature=conv_rate]')");
      String row = "document.querySelector('#values tr[data-feature=conv_rate]')";
      assertThat(
              firefox.evaluate(
                  "[...%s.cells].map((td) => td.textContent).join(' | ')".formatted(row)))
          .isEqualTo(
              "driver_id=1001 | conv_rate | 0.4045884609222412 | PRESENT | 2022-03-14T14:00:00Z");
      firefox.screenshot("firefox-try");

      assertThat(firefox.consoleErrors()).isEmpty();
    }
  }
}
