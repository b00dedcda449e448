package dev.freshet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A real {@code redis-server} on a free port, started for a test suite and destroyed after it.
 * Nothing is persisted.
 */
public final class RedisServerProcess implements AutoCloseable {
  private Process process;
  private final int port;
  private final Path directory;
  private final List<String> command;

  private RedisServerProcess(Process process, int port, Path directory, List<String> command) {
    this.process = process;
    this.port = port;
    this.directory = directory;
    this.command = command;
  }

  public static RedisServerProcess start(String... extraArguments) {
    try {
      Path directory = Files.createTempDirectory("freshet-redis");
      int port = FreePorts.next();
      List<String> command =
          new ArrayList<>(
              List.of(
                  "redis-server",
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  directory.toString()));
      command.addAll(List.of(extraArguments));
      Process process = launch(command, directory);
      RedisServerProcess server = new RedisServerProcess(process, port, directory, command);
      // A run that is killed, not finished, must not leave its redis-server behind.
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-redis-" + port));
      try {
        server.awaitPing();
      } catch (RuntimeException e) {
        server.stop();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start redis-server (install it: apt-get install -y redis-server): "
              + e.getMessage(),
          e);
    }
  }

  private static Process launch(List<String> command, Path directory) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()))
        .start();
  }

  /**
   * Stops the server as an outage would, keeping its port; {@link #restart} brings it back, empty.
   */
  public synchronized void kill() {
    if (process.isAlive()) {
      try {
        signal("CONT"); // a paused server would not act on SIGTERM
      } catch (IllegalStateException alreadyGone) {
        // it exited meanwhile
      }
    }
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts a killed server again on the same port (nothing is persisted, so it starts empty). */
  public synchronized void restart() {
    try {
      process = launch(command, directory);
      awaitPing();
    } catch (IOException e) {
      throw new IllegalStateException("cannot restart redis-server: " + e.getMessage(), e);
    }
  }

  private void awaitPing() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "redis-server exited; see " + directory.resolve("redis.log"));
      }
      try (Jedis jedis = new Jedis(hostAndPort())) {
        if ("PONG".equals(jedis.ping())) {
          return;
        }
      } catch (JedisDataException refused) {
        if (String.valueOf(refused.getMessage()).startsWith("NOAUTH")) {
          return; // up, and asking for the password it was started with
        }
        sleep(50);
      } catch (RuntimeException notYet) {
        sleep(50);
      }
    }
    throw new IllegalStateException("redis-server did not answer PING on port " + port);
  }

  /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as a hung Redis. */
  public synchronized void pause() {
    signal("STOP");
  }

  /** Thaws a paused server (SIGCONT). */
  public synchronized void resume() {
    signal("CONT");
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
      if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " of redis-server failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot signal redis-server: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public HostAndPort hostAndPort() {
    return new HostAndPort("127.0.0.1", port);
  }

  public String connectionString() {
    return "127.0.0.1:" + port;
  }

  /** A plain client, for tests that look at what Redis holds. */
  public Jedis client() {
    return new Jedis(hostAndPort());
  }

  /** Stops the server and removes its directory. */
  public synchronized void stop() {
    kill();
    FileUtils.deleteQuietly(directory.toFile());
  }

  @Override
  public void close() {
    stop();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
