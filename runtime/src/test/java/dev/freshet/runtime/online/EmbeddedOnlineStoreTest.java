package dev.freshet.runtime.online;

import static dev.freshet.runtime.online.TestRows.DAILY;
import static dev.freshet.runtime.online.TestRows.daily;
import static dev.freshet.runtime.online.TestRows.readDaily;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The online store contract against RocksDB on disk, plus restarts and a second process. */
class EmbeddedOnlineStoreTest extends OnlineStoreContract {
  @TempDir Path directory;
  private EmbeddedOnlineStore store;

  @Override
  OnlineStore store() {
    store = EmbeddedOnlineStore.open(directory.resolve("online"), "driver_churn");
    return store;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void dataSurvivesARestart() {
    store().write(DAILY, List.of(daily(1001, "2022-03-14T14:00:00Z", 18.926695f)));
    store.close();

    store = EmbeddedOnlineStore.open(directory.resolve("online"), "driver_churn");
    assertThat(store.read(List.of(readDaily(1001L))).get(0).get(0))
        .isEqualTo(new StoredRow(Instant.parse("2022-03-14T14:00:00Z"), List.of(18.926695f)));
  }

  /**
   * Writers racing a close (a server stopping while pushes are in flight): every write either lands
   * before the close or is refused with a message, the JVM does not crash in RocksDB, and what was
   * written is there after a reopen.
   */
  @Test
  void writesRacingACloseEndBeforeItOrAreRefused() throws Exception {
    store();
    java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(4);
    List<Thread> writers = new java.util.ArrayList<>();
    for (int w = 0; w < 4; w++) {
      long driver = 2000 + w;
      Thread writer =
          new Thread(
              () -> {
                started.countDown();
                for (int i = 0; ; i++) {
                  try {
                    store.write(
                        DAILY,
                        List.of(
                            daily(
                                driver, Instant.ofEpochSecond(1_600_000_000L + i).toString(), i)));
                    written.incrementAndGet();
                  } catch (OnlineStoreException e) {
                    assertThat(e.getMessage()).endsWith("is closed: the server is stopping");
                    refused.incrementAndGet();
                    return;
                  }
                }
              });
      writer.start();
      writers.add(writer);
    }
    started.await();
    Thread.sleep(200);
    store.close();
    for (Thread writer : writers) {
      writer.join(10_000);
    }
    assertThat(refused.get()).isEqualTo(4);
    assertThat(written.get()).isPositive();

    store = EmbeddedOnlineStore.open(directory.resolve("online"), "driver_churn");
    assertThat(store.read(List.of(readDaily(2000L, 2001L, 2002L, 2003L))).get(0))
        .allMatch(row -> row.eventTimestamp() != null);
  }

  @Test
  void aSecondProcessIsToldTheStoreIsInUse() throws Exception {
    store();
    Process second =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OpenEmbeddedStore.class.getName(),
                directory.resolve("online").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(second.exitValue()).isEqualTo(3);
    assertThat(output)
        .contains(
            "the embedded online store at "
                + directory.resolve("online")
                + " is open in another process");
  }

  /** The second process: tries to open the store and prints what it was told. */
  public static final class OpenEmbeddedStore {
    public static void main(String[] args) throws IOException {
      try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(Path.of(args[0]), "driver_churn")) {
        System.out.println("opened");
        System.exit(0);
      } catch (OnlineStoreException e) {
        System.out.println(e.getMessage());
        System.exit(3);
      }
    }
  }
}
