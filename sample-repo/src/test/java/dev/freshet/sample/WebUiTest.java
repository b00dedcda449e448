package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.testing.LocalKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real headless Chromium (the system's, through its chromedriver) against real
 * feature servers on the sample: every page loads without a console error; the definitions page
 * lists exactly the sample's definitions; the lineage is drawn without overlaps; "Try it" shows
 * driver 1001's conv_rate for a service and for features of views, with a curl command that a shell
 * runs to the same answer; the freshness page follows a stream view's lag while a real broker
 * delivers a backlog; with a read token set the page says so in words and opens once the token is
 * given; a server that stops, or comes back refusing the UI (403), is said in words. One browser
 * and one sample server serve the tests that need nothing else. Screenshots of each page go to
 * {@code target/ui-screenshots/}.
 */
class WebUiTest {
  private static final int EVENTS = 50_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path root;
  private static HeadlessChromium browser;
  private static FeatureServer sample;

  @BeforeAll
  static void start() throws Exception {
    browser = new HeadlessChromium();
    sample = serve("sample", Map.of());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (sample != null) {
      sample.close();
    }
  }

  @BeforeEach
  void forgetTheLastTest() {
    browser.forget();
  }

  /** A server on a new copy of the sample repository under {@code name}. */
  private static FeatureServer serve(String name, Map<String, Object> extra) throws Exception {
    Path repo = root.resolve(name);
    if (!repo.toFile().exists()) {
      DriverStats.newRepository(repo);
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", repo.toString());
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    return FeatureServer.start(
        properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
  }

  @Test
  void everyPageLoadsWithoutAConsoleErrorAndShowsTheSample() throws Exception {
    browser.open(sample.url() + "/ui#overview", By.cssSelector("#counts td"), "overview");
    assertThat(browser.driver().findElement(By.id("project")).getText()).isEqualTo("driver_churn");
    assertThat(browser.driver().findElement(By.id("role")).getText()).isEqualTo("all");
    assertThat(browser.driver().findElement(By.id("health")).getText()).isEqualTo("UP");
    assertThat(
            browser.driver().findElements(By.cssSelector("#counts td")).stream()
                .map(WebElement::getText))
        .containsExactly("1", "4", "2", "1", "1", "3");
    assertThat(browser.consoleErrors()).as("the overview's console errors").isEmpty();

    browser.open(sample.url() + "/ui#definitions", By.cssSelector(".definition"), "definitions");
    Set<String> names = new LinkedHashSet<>();
    for (WebElement definition : browser.driver().findElements(By.cssSelector(".definition"))) {
      names.add(definition.getAttribute("data-kind") + " " + definition.getAttribute("data-name"));
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "entity driver",
            "source driver_events",
            "source driver_stats_push_source",
            "source driver_stats_source",
            "source vals_to_add",
            "view driver_daily_features",
            "view driver_hourly_stats",
            "stream driver_daily_miles_stream",
            "ondemand transformed_conv_rate",
            "service model_v1",
            "service model_v2",
            "service model_v3");
    browser.driver().findElement(By.id("search")).sendKeys("model");
    assertThat(
            browser.driver().findElements(By.cssSelector(".definition")).stream()
                .filter(WebElement::isDisplayed)
                .map(d -> d.getAttribute("data-name")))
        .containsExactly("model_v1", "model_v2", "model_v3");
    assertThat(browser.consoleErrors()).as("the definitions' console errors").isEmpty();

    browser.open(sample.url() + "/ui#lineage", By.cssSelector("#lineage .node"), "lineage");
    LineageDrawing lineage = LineageDrawing.of(browser.driver());
    assertThat(lineage.ids())
        .containsExactlyInAnyOrder(
            "source:driver_stats_source",
            "source:driver_stats_push_source",
            "source:driver_events",
            "stream:driver_daily_miles_stream",
            "view:driver_daily_features",
            "view:driver_hourly_stats",
            "source:vals_to_add",
            "ondemand:transformed_conv_rate",
            "service:model_v1",
            "service:model_v2",
            "service:model_v3");
    // Kafka and push from their batch source, each view from its source, the stream view from
    // Kafka and into its view, each service from driver_hourly_stats, the on-demand view from
    // driver_hourly_stats and vals_to_add, and model_v3 from it too.
    assertThat(lineage.edges()).isEqualTo(12);
    assertThat(lineage.overlapping()).isEmpty();
    assertThat(lineage.outsideTheDrawing()).isEmpty();
    assertThat(lineage.labelsCut()).isEmpty();
    assertThat(lineage.outOfReach()).isEmpty();
    assertThat(lineage.edgesBehindBoxes()).isEmpty();
    assertThat(browser.consoleErrors()).as("the lineage's console errors").isEmpty();

    browser.open(
        sample.url() + "/ui#freshness",
        By.cssSelector("#batch-freshness tr[data-view]"),
        "freshness");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("#batch-freshness tr[data-view=driver_hourly_stats]"))
                .getText())
        .contains("driver_hourly_stats")
        .contains("1h");
    // Without Kafka the stream view is not running, and the page says so.
    assertThat(browser.awaitText(By.id("stream-status"), "updated").getText())
        .startsWith("updated ");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("#stream-freshness td.lag .value"))
                .getText())
        .isEqualTo("not running");
    assertThat(browser.consoleErrors()).as("the freshness page's console errors").isEmpty();

    browser.open(sample.url() + "/ui#try", By.id("service"), "try-empty");
    new Select(browser.driver().findElement(By.id("service"))).selectByValue("model_v1");
    browser.driver().findElement(By.id("get")).click();
    WebElement convRate = browser.await(By.cssSelector("#values tr[data-feature=conv_rate]"));
    browser.screenshot("try");
    assertThat(convRate.findElement(By.className("entity")).getText()).isEqualTo("driver_id=1001");
    assertThat(convRate.findElement(By.className("value")).getText())
        .isEqualTo("0.4045884609222412");
    assertThat(convRate.findElement(By.className("status")).getText()).isEqualTo("PRESENT");
    assertThat(convRate.findElement(By.className("timestamp")).getText())
        .isEqualTo("2022-03-14T14:00:00Z");
    assertThat(browser.driver().findElements(By.cssSelector("#values tbody tr"))).hasSize(1);
    assertThat(browser.driver().findElement(By.id("curl")).getText())
        .isEqualTo(
            "curl -s -X POST '"
                + sample.url()
                + "/get-online-features' -H 'Content-Type: application/json'"
                + " -d '{\"feature_service\":\"model_v1\",\"entities\":{\"driver_id\":[1001]}}'");
    assertThat(browser.consoleErrors()).as("Try it's console errors").isEmpty();
  }

  @Test
  void tryItAsksForFeaturesOfViewsAndItsCurlCommandGetsTheSameAnswer() throws Exception {
    browser.open(sample.url() + "/ui#try", By.id("ask-features"), "try-features-empty");
    browser.driver().findElement(By.id("ask-features")).click();
    browser.driver().findElement(By.id("get")).click();
    assertThat(browser.await(By.id("failure")).getText())
        .isEqualTo("Tick at least one feature to ask for.");

    tick("driver_hourly_stats:conv_rate");
    tick("driver_daily_features:daily_miles_driven");
    WebElement driverIds = browser.await(By.cssSelector("#keys input[data-key=driver_id]"));
    driverIds.clear();
    driverIds.sendKeys("1001, 1002");
    browser.driver().findElement(By.id("get")).click();
    browser.await(By.cssSelector("#values tr[data-feature=daily_miles_driven]"));
    browser.screenshot("try-features");

    Map<Long, DriverStats.Row> latest =
        DriverStats.latestPerDriver(Path.of("data/driver_stats.parquet"));
    assertThat(row("driver_id=1001", "conv_rate"))
        .containsExactly("0.4045884609222412", "PRESENT", "2022-03-14T14:00:00Z");
    assertThat(row("driver_id=1002", "conv_rate"))
        .containsExactly(
            Double.toString(latest.get(1002L).convRate()),
            "PRESENT",
            latest.get(1002L).eventTimestamp().toString());
    for (long driver : List.of(1001L, 1002L)) {
      assertThat(row("driver_id=" + driver, "daily_miles_driven"))
          .containsExactly(
              Double.toString((float) latest.get(driver).dailyMilesDriven()),
              "PRESENT",
              latest.get(driver).eventTimestamp().toString());
    }
    assertThat(browser.driver().findElements(By.cssSelector("#values tbody tr"))).hasSize(4);

    String curl = browser.driver().findElement(By.id("curl")).getText();
    // The features in the order the page lists them: the registry's, views sorted by name.
    String request =
        "{\"features\":[\"driver_daily_features:daily_miles_driven\","
            + "\"driver_hourly_stats:conv_rate\"],"
            + "\"entities\":{\"driver_id\":[1001,1002]}}";
    assertThat(curl)
        .isEqualTo(
            "curl -s -X POST '"
                + sample.url()
                + "/get-online-features' -H 'Content-Type: application/json' -d '"
                + request
                + "'");
    assertThat(browser.driver().findElements(By.id("curl-token"))).isEmpty();
    assertThat(
            browser
                .driver()
                .executeScript(
                    "return [...document.getElementById('result').childNodes]"
                        + ".map((n) => n.nodeName).join(' ')"))
        .as("what the result holds, and nothing else")
        .isEqualTo("TABLE H3 PRE P");
    JsonNode answer = JSON.readTree(shell(curl, Map.of()));
    assertThat(answer.at("/metadata/feature_names").toString())
        .isEqualTo("[\"driver_id\",\"daily_miles_driven\",\"conv_rate\"]");
    assertThat(answer.at("/results/2/values/0").asText()).isEqualTo("0.4045884609222412");
    assertThat(answer.at("/results/2/statuses/0").asText()).isEqualTo("PRESENT");

    browser.driver().findElement(By.id("copy")).click();
    assertThat(browser.driver().executeScript("return window.getSelection().toString()"))
        .as("what Copy selects")
        .isEqualTo(curl);
    assertThat(browser.consoleErrors()).isEmpty();

    // A key with a quote in it: the shell still reads the body as one word, and the server
    // answers the command what it answered the page (422: not an INT64).
    driverIds = browser.driver().findElement(By.cssSelector("#keys input[data-key=driver_id]"));
    driverIds.clear();
    driverIds.sendKeys("driver's");
    browser.driver().findElement(By.id("get")).click();
    String refusal = browser.awaitText(By.id("failure"), "422").getText();
    String quoted = browser.driver().findElement(By.id("curl")).getText();
    assertThat(quoted)
        .endsWith(
            " -d '{"
                + "\"features\":[\"driver_daily_features:daily_miles_driven\","
                + "\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[\"driver'\\''s\"]}}'");
    String message = "entities.driver_id[0] is \"driver's\", which cannot be read as INT64";
    assertThat(refusal).isEqualTo("/get-online-features answered 422: " + message);
    assertThat(JSON.readTree(shell(quoted, Map.of())).get("message").asText()).isEqualTo(message);
    // The 422 the page met is the console's one error.
    assertThat(browser.consoleErrors()).singleElement().asString().contains("422");
  }

  private static void tick(String ref) {
    browser.driver().findElement(By.cssSelector("#features input[data-ref='" + ref + "']")).click();
  }

  @Test
  void tryItAsksModelV3WithTheRequestValueItsOnDemandViewTakes() throws Exception {
    browser.open(sample.url() + "/ui#try", By.id("service"), "try-model-v3-empty");
    new Select(browser.driver().findElement(By.id("service"))).selectByValue("model_v3");
    // The request field comes beside the join key, typed as its source declares it.
    WebElement value = browser.await(By.cssSelector("#keys input[data-key=val_to_add]"));
    assertThat(value.getAttribute("data-type")).isEqualTo("INT64");
    value.clear();
    value.sendKeys("1000");
    browser.driver().findElement(By.id("get")).click();
    browser.await(By.cssSelector("#values tr[data-feature=conv_rate_plus_val1]"));
    browser.screenshot("try-model-v3");

    assertThat(row("driver_id=1001", "conv_rate_plus_val1"))
        .containsExactly(
            Double.toString(0.4045884609222412 + 1000), "PRESENT", "2022-03-14T14:00:00Z");
    assertThat(row("driver_id=1001", "conv_rate"))
        .containsExactly("0.4045884609222412", "PRESENT", "2022-03-14T14:00:00Z");
    assertThat(browser.driver().findElement(By.id("curl")).getText())
        .contains(
            "{\"feature_service\":\"model_v3\",\"entities\":{\"driver_id\":[1001],\"val_to_add\":[1000]}}");
    assertThat(browser.consoleErrors()).as("Try it's console errors").isEmpty();
  }

  /** The value, status and event timestamp that Try it shows for one entity and feature. */
  private static List<String> row(String entity, String feature) {
    WebElement row =
        browser
            .driver()
            .findElement(
                By.cssSelector(
                    "#values tr[data-entity='" + entity + "'][data-feature=" + feature + "]"));
    return List.of(
        row.findElement(By.className("value")).getText(),
        row.findElement(By.className("status")).getText(),
        row.findElement(By.className("timestamp")).getText());
  }

  /** What {@code command} prints when pasted into bash with {@code environment} exported. */
  private static String shell(String command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("curl's exit code; it printed %s", output).isZero();
    return output;
  }

  @Test
  void theFreshnessPageFollowsAStreamViewsLagWhileABacklogIsRead() throws Exception {
    try (LocalKafka kafka = LocalKafka.start();
        FeatureServer server =
            serve("stream", Map.of("kafka.bootstrap-servers", kafka.bootstrapServers()))) {
      browser.open(
          server.url() + "/ui#freshness",
          By.cssSelector("#stream-freshness tr[data-stream]"),
          "freshness-stream-start");

      Properties properties = new Properties();
      properties.put("bootstrap.servers", kafka.bootstrapServers());
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
          String time = start.plusSeconds(i).toString().replace('T', ' ').replace("Z", "");
          producer.send(
              new ProducerRecord<>(
                  "drivers",
                  Integer.toString(1001 + i % 5),
                  "{\"driver_id\": "
                      + (1001 + i % 5)
                      + ", \"event_timestamp\": \""
                      + time
                      + "\", \"created\": \""
                      + time
                      + "\", \"miles_driven\": 1.0}"));
        }
        producer.flush();
      }

      By lag = By.cssSelector("#stream-freshness tr[data-stream] td.lag .value");
      By consumed = By.cssSelector("#stream-freshness tr[data-stream] td.consumed .value");
      Set<String> lags = new LinkedHashSet<>();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (Instant.now().isBefore(deadline)
          && !(lags.size() >= 2
              && browser
                  .driver()
                  .findElement(consumed)
                  .getText()
                  .equals(Integer.toString(EVENTS)))) {
        lags.add(browser.driver().findElement(lag).getText());
        Thread.sleep(500);
      }
      browser.screenshot("freshness-stream");
      assertThat(lags).as("the lag shown while the backlog is read").hasSizeGreaterThanOrEqualTo(2);
      assertThat(lags).allMatch(text -> text.matches("\\d+"));
      assertThat(browser.driver().findElement(consumed).getText())
          .isEqualTo(Integer.toString(EVENTS));
      assertThat(
              browser.driver().findElements(By.cssSelector("#stream-freshness svg.spark polyline")))
          .isNotEmpty();
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  @Test
  void theFreshnessPageShowsTheScheduleItsServerRunsWithItsNextRunAndLatestRuns() throws Exception {
    String instant = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";
    try (FeatureServer server =
        serve(
            "scheduled",
            Map.of(
                "freshet.scheduling.enabled",
                true,
                // The server's configuration runs the view apart from the 1h it is declared with.
                "freshet.scheduling.schedules.driver_hourly_stats",
                "1s"))) {
      By runs = By.cssSelector("#batch-freshness tr[data-view=driver_hourly_stats] .runs");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      By drawn = By.cssSelector("#batch-freshness tr[data-view] .next-run");
      browser.open(server.url() + "/ui#freshness", drawn, "freshness-scheduled");
      // The page reads /schedules when it is drawn: draw it again until three runs are done.
      while (browser.driver().findElement(runs).getText().split(";").length < 3
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
        browser.driver().navigate().refresh();
        browser.await(drawn);
      }
      browser.screenshot("freshness-scheduled");

      WebElement row =
          browser
              .driver()
              .findElement(By.cssSelector("#batch-freshness tr[data-view=driver_hourly_stats]"));
      assertThat(row.findElement(By.className("schedule")).getText()).isEqualTo("every 1s");
      assertThat(row.findElement(By.className("next-run")).getText()).matches(instant);
      assertThat(row.findElement(By.className("runs")).getText())
          .matches(instant + " succeeded; " + instant + " succeeded; " + instant + " succeeded");
      WebElement unscheduled =
          browser
              .driver()
              .findElement(By.cssSelector("#batch-freshness tr[data-view=driver_daily_features]"));
      assertThat(unscheduled.findElement(By.className("schedule")).getText()).isEqualTo("none");
      assertThat(unscheduled.findElement(By.className("next-run")).getText()).isEmpty();
      assertThat(browser.driver().findElement(By.id("page")).getText())
          .doesNotContain("This server runs no scheduled materialization.");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  @Test
  void withAReadTokenThePageSaysSoAndOpensOnceItIsGiven() throws Exception {
    try (FeatureServer server = serve("token", Map.of("freshet.serving.read-token", "s3cret"))) {
      WebElement refusal = browser.open(server.url() + "/ui", By.id("refusal"), "unauthorized");
      assertThat(refusal.getText())
          .isEqualTo("/ui needs the header Authorization: Bearer <token> (401 Unauthorized)");
      // The refused load of the page itself is the one console error a 401 page has.
      assertThat(browser.consoleErrors())
          .singleElement()
          .asString()
          .endsWith(
              "/ui - Failed to load resource: the server responded with a status of 401 (Unauthorized)");

      browser.driver().findElement(By.id("token")).sendKeys("s3cret");
      browser.driver().findElement(By.cssSelector("#token-form button")).click();
      assertThat(browser.await(By.id("project")).getText()).isEqualTo("driver_churn");

      // Try it sends the token, and its curl command reads it from the shell's environment.
      browser.driver().get(server.url() + "/ui#try");
      new Select(browser.await(By.id("service"))).selectByValue("model_v1");
      browser.driver().findElement(By.id("get")).click();
      WebElement convRate = browser.await(By.cssSelector("#values tr[data-feature=conv_rate]"));
      browser.screenshot("try-with-token");
      assertThat(convRate.findElement(By.className("value")).getText())
          .isEqualTo("0.4045884609222412");
      String curl = browser.driver().findElement(By.id("curl")).getText();
      assertThat(curl)
          .isEqualTo(
              "curl -s -X POST '"
                  + server.url()
                  + "/get-online-features' -H 'Content-Type: application/json'"
                  + " -H \"Authorization: Bearer $FRESHET_READ_TOKEN\""
                  + " -d '{\"feature_service\":\"model_v1\",\"entities\":{\"driver_id\":[1001]}}'");
      assertThat(browser.driver().findElement(By.id("curl-token")).getText())
          .isEqualTo(
              "Set FRESHET_READ_TOKEN to the read token in the shell first; the command reads it from there.");
      JsonNode answer = JSON.readTree(shell(curl, Map.of("FRESHET_READ_TOKEN", "s3cret")));
      assertThat(answer.at("/results/1/values/0").asText()).isEqualTo("0.4045884609222412");
      assertThat(JSON.readTree(shell(curl, Map.of())).get("code").asText())
          .as("the same command without the token")
          .isEqualTo("FRESHET-API-015");
      assertThat(browser.consoleErrors()).as("console errors once the token is given").isEmpty();

      // A wrong token stored: the page's own calls are refused in words, not a blank page.
      browser.driver().manage().deleteAllCookies();
      browser.driver().manage().addCookie(new Cookie("freshet-token", "wrong"));
      browser.driver().get(server.url() + "/ui");
      assertThat(browser.await(By.id("refusal")).getText()).contains("401");
      assertThat(browser.consoleErrors())
          .singleElement()
          .asString()
          .endsWith(
              "/ui - Failed to load resource: the server responded with a status of 401 (Unauthorized)");
      browser.driver().manage().deleteAllCookies();
    }
  }

  @Test
  void aServerThatStopsAndComesBackRefusingTheUiIsSaidInWords() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    FeatureServer server = serve("restarted", Map.of("micronaut.server.port", port));
    try {
      browser.open(
          server.url() + "/ui#freshness",
          By.cssSelector("#stream-freshness tr[data-stream]"),
          "up");
      browser.awaitText(By.id("stream-status"), "updated");
    } finally {
      server.close();
    }

    // The freshness page, open while the server stops, says so at its next update.
    assertThat(browser.awaitText(By.id("stream-status"), "does not answer").getText())
        .isEqualTo("The server does not answer (/metrics): it may be down or restarting.");
    browser.screenshot("down-freshness");
    browser.driver().findElement(By.id("nav-try")).click();
    browser.driver().findElement(By.id("get")).click();
    assertThat(browser.await(By.id("failure")).getText())
        .isEqualTo(
            "The server does not answer (/get-online-features): it may be down or restarting.");
    browser.driver().findElement(By.id("nav-overview")).click();
    assertThat(browser.awaitText(By.id("failure"), "overview").getText())
        .isEqualTo("The server does not answer (/ui/api/overview): it may be down or restarting.");
    browser.screenshot("down-overview");

    // Back on the same port as a push server, which answers no reads: 403 in words.
    try (FeatureServer push =
        serve("restarted", Map.of("micronaut.server.port", port, "freshet.serving.role", "push"))) {
      browser.driver().findElement(By.id("nav-try")).click();
      browser.driver().findElement(By.id("get")).click();
      assertThat(browser.awaitText(By.id("failure"), "403").getText())
          .isEqualTo(
              "The server refuses /get-online-features (403): this server has role push;"
                  + " it answers /push and /materialize*, not /get-online-features");
      browser.driver().get(push.url() + "/ui");
      assertThat(browser.await(By.id("refusal")).getText())
          .isEqualTo(
              "this server has role push; it answers /push and /materialize*, not /ui"
                  + " (403 Forbidden)");
      browser.screenshot("forbidden");
    }
    // The loads that failed are the console's only errors.
    assertThat(browser.consoleErrors())
        .isNotEmpty()
        .allMatch(e -> e.contains("ERR_CONNECTION_REFUSED") || e.contains("403"));
  }
}
