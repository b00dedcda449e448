package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi, the W3C protocol that Firefox speaks
 * itself on {@code --remote-debugging-port}. Selenium drives Firefox only through geckodriver,
 * which Debian does not package and whose npm packages download from outside the registries this
 * project may use; BiDi needs nothing but the browser. What a UI test asks of it is small: open a
 * page, run a script in it, wait for a condition, take a screenshot, and read the console's errors.
 */
final class HeadlessFirefox implements AutoCloseable {
  static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
  private static final Pattern LISTENING =
      Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process firefox;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
  private final String context;

  HeadlessFirefox(Path profile) throws Exception {
    assertThat(FIREFOX)
        .as("the Firefox UI test needs Debian's firefox-esr (.ci/run installs it)")
        .exists();
    Files.createDirectories(profile);
    firefox =
        new ProcessBuilder(
                FIREFOX.toString(),
                "--headless",
                "--no-remote",
                "--profile",
                profile.toString(),
                "--remote-debugging-port",
                "0",
                "about:blank")
            .redirectErrorStream(true)
            .start();
    CompletableFuture<String> address = new CompletableFuture<>();
    // Firefox says where it listens on its output, and goes on writing there: read it all, so that
    // it never blocks on a full pipe.
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(firefox.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    address.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                address.completeExceptionally(e);
              }
              address.completeExceptionally(new IllegalStateException("Firefox exited"));
            },
            "firefox-output");
    reader.setDaemon(true);
    reader.start();
    try {
      socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(address.get(30, TimeUnit.SECONDS) + "/session"), new Listener())
              .get(30, TimeUnit.SECONDS);
      send("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
      ObjectNode events = JSON.createObjectNode();
      events.putArray("events").add("log.entryAdded");
      send("session.subscribe", events);
      context =
          send("browsingContext.getTree", JSON.createObjectNode())
              .at("/contexts/0/context")
              .asText();
      ObjectNode viewport = JSON.createObjectNode().put("context", context);
      viewport.putObject("viewport").put("width", 1300).put("height", 900);
      send("browsingContext.setViewport", viewport);
    } catch (Exception e) {
      firefox.destroyForcibly();
      throw e;
    }
  }

  /** Opens {@code url} and waits for its load to complete. */
  void open(String url) throws Exception {
    send(
        "browsingContext.navigate",
        JSON.createObjectNode().put("context", context).put("url", url).put("wait", "complete"));
  }

  /** What {@code expression} evaluates to in the page (promises awaited), as a string. */
  String evaluate(String expression) throws Exception {
    ObjectNode params =
        JSON.createObjectNode()
            .put("expression", "String(" + expression + ")")
            .put("awaitPromise", true);
    params.putObject("target").put("context", context);
    JsonNode result = send("script.evaluate", params);
    if (result.path("type").asText().equals("exception")) {
      throw new AssertionError(
          "the page's script failed: " + result.at("/exceptionDetails/text").asText());
    }
    return result.at("/result/value").asText();
  }

  /** Waits up to 20 seconds for {@code condition} to be true in the page. */
  void await(String condition) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (!evaluate("Boolean(" + condition + ")").equals("true")) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the page did not get to " + condition + " within " + WAIT);
      }
      Thread.sleep(100);
    }
  }

  void screenshot(String name) throws Exception {
    Files.createDirectories(HeadlessChromium.SCREENSHOTS);
    JsonNode shot =
        send("browsingContext.captureScreenshot", JSON.createObjectNode().put("context", context));
    Files.write(
        HeadlessChromium.SCREENSHOTS.resolve(name + ".png"),
        Base64.getDecoder().decode(shot.get("data").asText()));
  }

  /** The console's entries at level error so far. */
  List<String> consoleErrors() {
    return new ArrayList<>(consoleErrors);
  }

  private JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", params);
    socket.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
    return answer.get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
  }

  /**
   * Answers go to the command of their id, console entries to the list; a message may come in
   * parts.
   */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder message = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
      message.append(part);
      if (last) {
        receive(message.toString());
        message.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void receive(String text) {
      try {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
          CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
          if (answer == null) {
            return;
          }
          if (message.path("type").asText().equals("error")) {
            answer.completeExceptionally(
                new IllegalStateException(
                    message.path("error").asText() + ": " + message.path("message").asText()));
          } else {
            answer.complete(message.get("result"));
          }
        } else if (message.path("method").asText().equals("log.entryAdded")
            && message.at("/params/level").asText().equals("error")) {
          consoleErrors.add(message.at("/params/text").asText());
        }
      } catch (IOException e) {
        pending.values().forEach(answer -> answer.completeExceptionally(e));
      }
    }
  }

  @Override
  public void close() {
    try {
      send("browser.close", JSON.createObjectNode());
    } catch (Exception e) {
      // It may close the socket before it answers; it is ended below either way.
    }
    try {
      if (!firefox.waitFor(10, TimeUnit.SECONDS)) {
        firefox.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      firefox.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
