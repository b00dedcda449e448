package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.testing.LocalKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium (the system's, through its chromedriver) against a real
 * feature server on the sample: every page loads without a console error; the definitions page
 * lists exactly the sample's definitions; "Try it" shows driver 1001's conv_rate; the freshness
 * page follows a stream view's lag while a real broker delivers a backlog; with a read token set
 * the page says so in words and opens once the token is given. Screenshots of each page go to
 * {@code target/ui-screenshots/}.
 */
class WebUiTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final int EVENTS = 50_000;
  private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

  @TempDir Path root;
  private final List<AutoCloseable> running = new ArrayList<>();
  private ChromeDriver browser;

  @BeforeEach
  void browser() throws Exception {
    assertThat(CHROMIUM)
        .as("the UI tests need Debian's chromium and chromium-driver (.ci/run installs them)")
        .exists();
    assertThat(CHROMEDRIVER).exists();
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  private FeatureServer serve(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", root.resolve("repo").toString());
    properties.put("micronaut.server.port", -1);
    properties.putAll(extra);
    FeatureServer server =
        FeatureServer.start(
            properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
    running.add(server::close);
    return server;
  }

  private WebElement await(By what) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> driver.findElements(what).stream().findFirst().orElse(null));
  }

  private void open(FeatureServer server, String view, By ready) throws Exception {
    browser.get(server.url() + "/ui#" + view);
    await(ready);
    Files.write(SCREENSHOTS.resolve(view + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** What the page wrote to the console at level SEVERE (errors, failed loads). */
  private List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  @Test
  void everyPageLoadsAndShowsTheSample() throws Exception {
    DriverStats.newRepository(root.resolve("repo"));
    FeatureServer server = serve(Map.of());

    open(server, "overview", By.cssSelector("#counts td"));
    assertThat(browser.findElement(By.id("project")).getText()).isEqualTo("driver_churn");
    assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("all");
    assertThat(browser.findElement(By.id("health")).getText()).isEqualTo("UP");
    assertThat(browser.findElements(By.cssSelector("#counts td")).stream().map(WebElement::getText))
        .containsExactly("1", "3", "2", "1", "2");

    open(server, "definitions", By.cssSelector(".definition"));
    Set<String> names = new LinkedHashSet<>();
    for (WebElement definition : browser.findElements(By.cssSelector(".definition"))) {
      names.add(definition.getAttribute("data-kind") + " " + definition.getAttribute("data-name"));
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "entity driver",
            "source driver_events",
            "source driver_stats_push_source",
            "source driver_stats_source",
            "view driver_daily_features",
            "view driver_hourly_stats",
            "stream driver_daily_miles_stream",
            "service model_v1",
            "service model_v2");
    browser.findElement(By.id("search")).sendKeys("model");
    assertThat(
            browser.findElements(By.cssSelector(".definition")).stream()
                .filter(WebElement::isDisplayed)
                .map(d -> d.getAttribute("data-name")))
        .containsExactly("model_v1", "model_v2");

    open(server, "lineage", By.cssSelector("#lineage .node"));
    assertThat(
            browser.findElements(By.cssSelector("#lineage .node")).stream()
                .map(n -> n.getAttribute("data-node")))
        .hasSize(8)
        .contains("source:driver_events", "stream:driver_daily_miles_stream", "service:model_v1");

    open(server, "freshness", By.cssSelector("#batch-freshness tr[data-view]"));
    assertThat(
            browser
                .findElement(By.cssSelector("#batch-freshness tr[data-view=driver_hourly_stats]"))
                .getText())
        .contains("driver_hourly_stats")
        .contains("1h");

    browser.get(server.url() + "/ui#try");
    new Select(await(By.id("service"))).selectByValue("model_v1");
    browser.findElement(By.id("get")).click();
    WebElement convRate = await(By.cssSelector("#values tr[data-feature=conv_rate]"));
    Files.write(SCREENSHOTS.resolve("try.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertThat(convRate.findElement(By.className("value")).getText())
        .isEqualTo("0.4045884609222412");
    assertThat(convRate.findElement(By.className("status")).getText()).isEqualTo("PRESENT");
    assertThat(convRate.findElement(By.className("timestamp")).getText())
        .isEqualTo("2022-03-14T14:00:00Z");
    assertThat(browser.findElement(By.id("curl")).getText())
        .startsWith("curl -s -X POST " + server.url() + "/get-online-features")
        .contains("\"feature_service\":\"model_v1\"");

    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void theFreshnessPageFollowsAStreamViewsLagWhileABacklogIsRead() throws Exception {
    DriverStats.newRepository(root.resolve("repo"));
    LocalKafka kafka = LocalKafka.start();
    running.add(kafka::close);
    FeatureServer server = serve(Map.of("kafka.bootstrap-servers", kafka.bootstrapServers()));
    open(server, "freshness", By.cssSelector("#stream-freshness tr[data-stream]"));

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
            && browser.findElement(consumed).getText().equals(Integer.toString(EVENTS)))) {
      lags.add(browser.findElement(lag).getText());
      Thread.sleep(500);
    }
    Files.write(
        SCREENSHOTS.resolve("freshness-stream.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertThat(lags).as("the lag shown while the backlog is read").hasSizeGreaterThanOrEqualTo(2);
    assertThat(lags).allMatch(text -> text.matches("\\d+"));
    assertThat(browser.findElement(consumed).getText()).isEqualTo(Integer.toString(EVENTS));
    assertThat(browser.findElements(By.cssSelector("#stream-freshness svg.spark polyline")))
        .isNotEmpty();
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void withAReadTokenThePageSaysSoAndOpensOnceItIsGiven() throws Exception {
    DriverStats.newRepository(root.resolve("repo"));
    FeatureServer server = serve(Map.of("freshet.serving.read-token", "s3cret-read"));

    browser.get(server.url() + "/ui");
    WebElement refusal = await(By.id("refusal"));
    Files.write(SCREENSHOTS.resolve("unauthorized.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertThat(refusal.getText()).contains("401").contains("Unauthorized").contains("token");

    browser.findElement(By.id("token")).sendKeys("s3cret-read");
    browser.findElement(By.cssSelector("#token-form button")).click();
    assertThat(await(By.id("project")).getText()).isEqualTo("driver_churn");

    // A wrong token stored: the page's own calls are refused in words, not a blank page.
    browser.manage().deleteAllCookies();
    browser.manage().addCookie(new org.openqa.selenium.Cookie("freshet-token", "wrong"));
    browser.get(server.url() + "/ui");
    assertThat(await(By.id("refusal")).getText()).contains("401");
    List<String> errors = consoleErrors();
    // The refused page's own load is the one console error a 401 page has.
    assertThat(errors).allMatch(e -> e.contains("401"));
  }
}
