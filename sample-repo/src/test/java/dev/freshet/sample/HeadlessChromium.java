package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, through its chromedriver) that a UI test class shares between
 * its tests, so that it starts once: pages, what they wrote to the console, and screenshots under
 * {@code target/ui-screenshots/}.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;

  HeadlessChromium() throws IOException {
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
    driver = new ChromeDriver(service, options);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** The first element {@code what} finds within 20 seconds. */
  WebElement await(By what) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElements(what).stream().findFirst().orElse(null));
  }

  /** Waits up to 20 seconds for the text of {@code what} to contain {@code part}. */
  WebElement awaitText(By what, String part) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                d.findElements(what).stream()
                    .filter(e -> e.getText().contains(part))
                    .findFirst()
                    .orElse(null));
  }

  /** Opens {@code url}, waits for {@code ready} and saves the screenshot {@code name}.png. */
  WebElement open(String url, By ready, String name) throws IOException {
    driver.get(url);
    WebElement found = await(ready);
    screenshot(name);
    return found;
  }

  void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * What the pages wrote to the console at level SEVERE (errors, failed loads) since the last call.
   */
  List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /**
   * Forgets what an earlier test left: the token cookie (cookies ignore ports, so every test server
   * on this host would see it), the page (whose timers would go on calling a server that the test
   * stopped) and the console's entries.
   */
  void forget() {
    if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
      driver.manage().deleteAllCookies();
    }
    driver.get("about:blank");
    consoleErrors();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
