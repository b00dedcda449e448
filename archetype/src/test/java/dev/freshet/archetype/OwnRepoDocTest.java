package dev.freshet.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/own-repo.md, run as a user runs it: every {@code $} command of its console blocks, in order,
 * in a temporary directory, with the archetype and Freshet's artifacts this build installed in the
 * local repository. Each output line the page shows must be a line of the command's output, in the
 * order shown. Maven runs in batch mode ({@code -B}), offline ({@code -o}), on this build's local
 * repository: everything the generated repository needs is what this build installed and resolved
 * (the archetype and the parent, and the plugins the sample's build uses, which the parent
 * declares), so a plugin or version that only the generated repository would use fails here. {@code
 * serve} runs as the page shows it, on the runtime's default port 6566, whenever that port is free
 * here (else on a free one, given as {@code --port}). The generated repository has no logging
 * configuration, so every command's output also shows the runtime's default: no DEBUG line.
 */
class OwnRepoDocTest {
  private static final int DEFAULT_PORT = 6566;
  private static final String MISTAKE_SECTION = "## A mistake the compiler catches";
  private static final Path DOC = Path.of(System.getProperty("freshet.it.docs"));
  private static final Path MAVEN_HOME = Path.of(System.getProperty("freshet.it.maven-home"));
  private static final String LOCAL_REPOSITORY = System.getProperty("freshet.it.local-repository");
  private static final String VERSION = System.getProperty("freshet.it.archetype-version");
  private static final String PLUGIN_VERSION =
      System.getProperty("freshet.it.archetype-plugin-version");

  /** A command of the page, the output lines shown under it, and the section it is in. */
  record Command(String line, List<String> shown, String section) {}

  @TempDir Path work;
  private Process server;

  @AfterEach
  void stopServer() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void everyCommandOfThePageDoesWhatThePageSays() throws Exception {
    List<String> page = Files.readAllLines(DOC);
    List<Command> commands = commands(page);
    assertThat(commands)
        .extracting(Command::line)
        .startsWith(
            "mvn org.apache.maven.plugins:maven-archetype-plugin:"
                + PLUGIN_VERSION
                + ":generate -DarchetypeGroupId=dev.freshet -DarchetypeArtifactId=freshet-archetype"
                + " -DarchetypeVersion="
                + VERSION
                + " -DgroupId=com.example -DartifactId=fraud-features -Dpackage=com.example.fraud"
                + " -DinteractiveMode=false",
            "cd fraud-features");
    assertThat(commands).hasSize(10);

    int port = isFree(DEFAULT_PORT) ? DEFAULT_PORT : freePort();
    Path dir = work;
    for (Command command : commands) {
      List<String> words = new ArrayList<>(Arrays.asList(command.line().split(" +")));
      if (words.get(0).equals("cd")) {
        dir = dir.resolve(words.get(1));
        assertThat(dir).isDirectory();
        continue;
      }
      boolean mistake = command.section().equals(MISTAKE_SECTION);
      Path definition = dir.resolve("src/main/java/com/example/fraud/CustomerStats.java");
      String original = mistake ? Files.readString(definition) : null;
      if (mistake) {
        // The edit the section describes.
        assertThat(original).contains("double spend7d();");
        Files.writeString(definition, original.replace("double spend7d();", "double spend30d();"));
      }
      List<String> argv = argv(words, port);
      if (words.contains("serve")) {
        server = start(argv, dir);
        awaitServing(server);
        synchronized (serverOutput) {
          assertThat(serverOutput.toString(StandardCharsets.UTF_8))
              .contains("Serving on http://localhost:" + port)
              .doesNotContain(" DEBUG ");
        }
        continue;
      }
      Run run = run(argv, dir);
      if (mistake) {
        Files.writeString(definition, original);
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        // The page shows the error as Maven prints it; compared from the position on.
        for (String shown : command.shown()) {
          String tail = shown.substring(shown.indexOf(":[") + 1);
          assertThat(run.lines()).as(run.output()).anyMatch(line -> line.endsWith(tail));
        }
      } else {
        assertThat(run.exitCode()).as(command.line() + "\n" + run.output()).isZero();
        if (words.get(0).equals("java")) {
          assertThat(run.lines()).as(run.output()).noneMatch(line -> line.contains(" DEBUG "));
        }
        if (!command.shown().isEmpty()) {
          assertThat(run.lines()).as(run.output()).containsSubsequence(command.shown());
        }
      }
    }
    assertThat(work.resolve("fraud-features/target/fraud-features.jar")).isRegularFile();
  }

  @Test
  void thePomOfThePageIsTheGeneratedOneWithoutItsComments() throws Exception {
    List<String> page = Files.readAllLines(DOC);
    int start = page.indexOf("```xml");
    List<String> snippet =
        page.subList(start + 1, page.subList(start, page.size()).indexOf("```") + start);
    Run generate = run(argv(Arrays.asList(commands(page).get(0).line().split(" +")), 0), work);
    assertThat(generate.exitCode()).as(generate.output()).isZero();

    List<String> generated =
        Files.readAllLines(work.resolve("fraud-features/pom.xml")).stream()
            .filter(
                line ->
                    !line.contains("<!--")
                        && !line.contains("<name>")
                        && !line.contains("<description>"))
            .toList();
    assertThat(generated).containsExactlyElementsOf(snippet);
  }

  /** The commands of the page's console blocks; a line ending in a backslash goes on. */
  static List<Command> commands(List<String> page) {
    List<Command> commands = new ArrayList<>();
    String section = "";
    boolean inBlock = false;
    StringBuilder pending = null;
    List<String> shown = null;
    for (String line : page) {
      if (!inBlock && line.startsWith("## ")) {
        section = line;
      } else if (!inBlock && line.equals("```console")) {
        inBlock = true;
      } else if (inBlock && line.equals("```")) {
        inBlock = false;
      } else if (inBlock && pending != null) {
        pending.append(' ').append(line.strip());
        if (!line.endsWith("\\")) {
          commands.add(new Command(join(pending), shown = new ArrayList<>(), section));
          pending = null;
        }
      } else if (inBlock && line.startsWith("$ ")) {
        if (line.endsWith("\\")) {
          pending = new StringBuilder(line.substring(2));
        } else {
          commands.add(new Command(line.substring(2), shown = new ArrayList<>(), section));
        }
      } else if (inBlock) {
        shown.add(line);
      }
    }
    return commands;
  }

  private static String join(StringBuilder continued) {
    return continued.toString().replace(" \\ ", " ").replaceAll(" +", " ");
  }

  /** The page's command as this test runs it. */
  private static List<String> argv(List<String> words, int port) {
    List<String> argv = new ArrayList<>();
    switch (words.get(0)) {
      case "mvn" -> {
        argv.add(MAVEN_HOME.resolve("bin/mvn").toString());
        argv.addAll(List.of("-B", "-o", "-Dmaven.repo.local=" + LOCAL_REPOSITORY));
      }
      case "java" -> argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      default -> throw new IllegalArgumentException("the page runs " + words);
    }
    for (String word : words.subList(1, words.size())) {
      argv.add(word.replace("localhost:6566", "localhost:" + port));
    }
    if (words.contains("serve") && port != DEFAULT_PORT) {
      argv.add("--port=" + port);
    }
    return argv;
  }

  record Run(int exitCode, String output) {
    List<String> lines() {
      return output.lines().map(String::stripTrailing).collect(Collectors.toList());
    }
  }

  private static ProcessBuilder builder(List<String> argv, Path dir) {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectErrorStream(true);
    return builder;
  }

  private static Run run(List<String> argv, Path dir) throws Exception {
    Process process = builder(argv, dir).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = copy(process.getInputStream(), output);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(argv + " did not finish in 5 minutes:\n" + output);
    }
    reader.join();
    return new Run(process.exitValue(), output.toString(StandardCharsets.UTF_8));
  }

  private final ByteArrayOutputStream serverOutput = new ByteArrayOutputStream();

  private Process start(List<String> argv, Path dir) throws IOException {
    Process process = builder(argv, dir).start();
    process.getOutputStream().close();
    copy(process.getInputStream(), serverOutput);
    return process;
  }

  private void awaitServing(Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String output;
      synchronized (serverOutput) {
        output = serverOutput.toString(StandardCharsets.UTF_8);
      }
      if (output.contains("Serving on http://localhost:")) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("serve stopped: " + output);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start in 90 s: " + serverOutput);
  }

  private static Thread copy(InputStream in, ByteArrayOutputStream out) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                  synchronized (out) {
                    out.write(buffer, 0, n);
                  }
                }
              } catch (IOException e) {
                // the process went away; what it wrote is kept
              }
            },
            "process-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
