package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.testing.LocalKafka;
import dev.freshet.testing.RedisServerProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's stream feature view (SUM of miles_driven over 1 day, sliding every hour) run by the
 * real server against a real Kafka broker and a real redis-server; every expected value is the
 * trailing window sum computed here from the events sent.
 */
class StreamIngestionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HOUR = 3_600_000_000L;
  private static final long DAY = 24 * HOUR;

  @TempDir Path root;
  Path repo;
  LocalKafka kafka;
  RedisServerProcess redis;
  final List<FeatureServer> servers = new ArrayList<>();

  /**
   * An event as the reference emitter writes it; miles are multiples of 1/4, so sums are exact in
   * any order.
   */
  record Event(long driver, Instant time, double miles) {
    String json() {
      return String.format(
          "{\"driver_id\": %d, \"event_timestamp\": \"%s\", \"created\": \"%s\", \"miles_driven\": %s}",
          driver, text(time), text(time), miles);
    }

    static String text(Instant time) {
      return time.toString().replace('T', ' ').replace("Z", "");
    }
  }

  @BeforeEach
  void services() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    kafka = LocalKafka.start();
    redis = RedisServerProcess.start();
  }

  @AfterEach
  void stop() {
    servers.forEach(FeatureServer::close);
    kafka.close();
    redis.close();
  }

  FeatureServer start(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.repo-path", repo.toString());
    properties.put("micronaut.server.port", -1);
    properties.put("freshet.online-store.type", "redis");
    properties.put("freshet.online-store.redis.connection-string", redis.connectionString());
    properties.put("kafka.bootstrap-servers", kafka.bootstrapServers());
    properties.putAll(extra);
    FeatureServer server =
        FeatureServer.start(
            properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
    servers.add(server);
    return server;
  }

  void send(List<Event> events) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      for (Event event : events) {
        producer.send(new ProducerRecord<>("drivers", Long.toString(event.driver()), event.json()));
      }
      producer.flush();
    }
  }

  void sendRaw(List<String> messages) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      for (String message : messages) {
        producer.send(new ProducerRecord<>("drivers", "1001", message));
      }
      producer.flush();
    }
  }

  /**
   * The trailing window of the driver's newest event: {@code [e - 1d, e)} with e the next hour
   * boundary.
   */
  static Map.Entry<Instant, Double> expected(List<Event> events, long driver) {
    long newest =
        events.stream()
            .filter(e -> e.driver() == driver)
            .mapToLong(e -> micros(e.time()))
            .max()
            .orElseThrow();
    long end = Math.floorDiv(newest, HOUR) * HOUR + HOUR;
    double sum = 0;
    for (Event event : events) {
      long at = micros(event.time());
      if (event.driver() == driver && at >= end - DAY && at < end) {
        sum += event.miles();
      }
    }
    return Map.entry(Instant.ofEpochSecond(end / 1_000_000), sum);
  }

  static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
  }

  /** The served value and event time of driver_daily_features:daily_miles_driven. */
  static Map.Entry<String, Double> served(FeatureServer server, long driver) {
    Http.Response response =
        Http.post(
            server.url(),
            "/get-online-features",
            "{\"features\": [\"driver_daily_features:daily_miles_driven\"], \"entities\": {\"driver_id\": ["
                + driver
                + "]}}");
    try {
      JsonNode column = JSON.readTree(response.body()).get("results").get(1);
      JsonNode value = column.get("values").get(0);
      return Map.entry(
          column.get("event_timestamps").get(0).asText(),
          value.isNull() ? Double.NaN : value.asDouble());
    } catch (Exception e) {
      throw new IllegalStateException(response.body(), e);
    }
  }

  /** Waits until every driver is served its expected window, or fails showing what is served. */
  static void awaitServed(FeatureServer server, List<Event> events, long... drivers) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    Map<Long, String> last = new HashMap<>();
    while (Instant.now().isBefore(deadline)) {
      boolean all = true;
      for (long driver : drivers) {
        Map.Entry<Instant, Double> want = expected(events, driver);
        Map.Entry<String, Double> got;
        try {
          got = served(server, driver);
        } catch (IllegalStateException unavailable) {
          // A read past the store's deadline is a 503 by design (a busy machine, Redis writing a
          // backlog): not yet served, ask again.
          if (!unavailable.getMessage().contains("OnlineStoreUnavailable")) {
            throw unavailable;
          }
          last.put(driver, unavailable.getMessage());
          all = false;
          continue;
        }
        last.put(driver, got + " (want " + want + ")");
        all &=
            got.getKey().equals(want.getKey().toString())
                && got.getValue() == (double) (float) (double) want.getValue();
      }
      if (all) {
        return;
      }
      sleep(200);
    }
    String metrics =
        Http.get(server.url(), "/metrics")
            .body()
            .lines()
            .filter(l -> l.startsWith("freshet_stream") && !l.contains("_bucket"))
            .reduce("", (a, b) -> a + "\n" + b);
    throw new AssertionError("not served within 90 s: " + last + metrics);
  }

  /**
   * The committed messages of the dead-letter topic {@code drivers-dead-letters}: {@code expected}
   * of them or all that came within 30 s, and any more that come within a second after.
   */
  static List<ConsumerRecord<byte[], byte[]>> deadLetters(LocalKafka kafka, int expected) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    properties.put("group.id", "check-dead-letters");
    properties.put("auto.offset.reset", "earliest");
    properties.put("isolation.level", "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("drivers-dead-letters"));
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (records.size() < expected && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
    }
    return records;
  }

  /** Why a message was dead-lettered: its {@code x-freshet-error} header. */
  static String reason(ConsumerRecord<byte[], byte[]> record) {
    return new String(
        record.headers().lastHeader("x-freshet-error").value(), StandardCharsets.UTF_8);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Events of three drivers over two days, crossing midnight, some outside the trailing window. */
  static List<Event> twoDays() {
    Instant start = Instant.parse("2023-06-01T20:15:00Z");
    List<Event> events = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 120; i++) {
      long driver = 1001 + i % 3;
      Instant time = start.plus(Duration.ofMinutes(17L * i + random.nextInt(5)));
      events.add(new Event(driver, time, 0.25 * (1 + random.nextInt(400))));
    }
    return events;
  }

  @Test
  void servedWindowsAreTheTrailingDaySums() {
    List<Event> events = twoDays();
    assertThat(events.get(events.size() - 1).time())
        .isAfter(Instant.parse("2023-06-02T20:15:00Z")); // more than a day: some fall out
    FeatureServer server = start(Map.of());
    send(events);

    awaitServed(server, events, 1001, 1002, 1003);
    // The window of 1001 ends at the hour after its newest event.
    assertThat(served(server, 1001).getKey()).isEqualTo(expected(events, 1001).getKey().toString());
    String metrics = Http.get(server.url(), "/metrics").body();
    assertThat(metrics)
        .contains("freshet_stream_events_consumed_total{source=\"driver_events\"} 120.0");
    assertThat(metrics)
        .contains("freshet_stream_freshness_seconds_count{view=\"driver_daily_miles_stream\"}");
    assertThat(metrics).contains("freshet_stream_lag{view=\"driver_daily_miles_stream\"} 0.0");
  }

  @Test
  void malformedMessagesAreCountedSkippedAndDeadLettered() throws Exception {
    FeatureServer server =
        start(Map.of("freshet.streaming.dead-letter-topic", "drivers-dead-letters"));
    List<Event> good =
        List.of(
            new Event(1001, Instant.parse("2023-06-01T10:00:00Z"), 1.5),
            new Event(1001, Instant.parse("2023-06-01T10:30:00Z"), 2.25),
            new Event(1001, Instant.parse("2023-06-01T11:10:00Z"), 4.0));
    sendRaw(
        List.of(
            good.get(0).json(),
            "{\"driver_id\": 1001, \"event_timestamp\": ", // not JSON
            "{\"event_timestamp\": \"2023-06-01 10:40:00\", \"created\": \"2023-06-01 10:40:00\", \"miles_driven\": 9}", // no driver
            "{\"driver_id\": \"x\", \"event_timestamp\": \"2023-06-01 10:41:00\", \"created\": \"2023-06-01 10:41:00\", \"miles_driven\": 9}",
            "{\"driver_id\": 1001, \"event_timestamp\": \"yesterday\", \"created\": \"2023-06-01 10:42:00\", \"miles_driven\": 9}",
            good.get(1).json(),
            "[1, 2]",
            good.get(2).json()));

    awaitServed(server, good, 1001);
    assertThat(served(server, 1001).getValue()).isEqualTo(7.75);
    assertThat(Http.get(server.url(), "/metrics").body())
        .contains("freshet_stream_events_skipped_total{source=\"driver_events\"} 5.0")
        .contains("freshet_stream_events_consumed_total{source=\"driver_events\"} 8.0");

    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : deadLetters(kafka, 5)) {
      reasons.add(reason(record));
    }
    assertThat(reasons)
        .hasSize(5)
        .anyMatch(r -> r.startsWith("the message is not valid JSON"))
        .anyMatch(r -> r.equals("field 'driver_id' is missing or null"))
        .anyMatch(r -> r.equals("field 'driver_id' is x, which is not INT64"))
        .anyMatch(r -> r.startsWith("field 'event_timestamp': 'yesterday' is not a time"))
        .anyMatch(r -> r.equals("the message is not a JSON object"));
  }

  @Test
  void lateEventsAreCountedAppliedWhileTheirWindowIsHeldAndDeadLetteredPastIt() throws Exception {
    FeatureServer server =
        start(Map.of("freshet.streaming.dead-letter-topic", "drivers-dead-letters"));
    List<Event> inOrder =
        List.of(
            new Event(1001, Instant.parse("2023-06-01T10:00:00Z"), 1.0),
            new Event(1001, Instant.parse("2023-06-01T10:20:00Z"), 2.0));
    // 3 minutes behind the newest event: within the sample's 5 minute delay, not late.
    Event withinDelay = new Event(1001, Instant.parse("2023-06-01T10:17:00Z"), 4.0);
    // 10 minutes behind: late, and applied, since the window it falls in is held.
    Event late = new Event(1001, Instant.parse("2023-06-01T10:10:00Z"), 8.0);
    // Two days behind: late, older than any window held, dead-lettered.
    Event expired = new Event(1001, Instant.parse("2023-05-30T10:10:00Z"), 16.0);
    send(List.of(inOrder.get(0), inOrder.get(1), withinDelay, late, expired));

    awaitServed(server, List.of(inOrder.get(0), inOrder.get(1), withinDelay, late), 1001);
    assertThat(served(server, 1001).getValue()).isEqualTo(15.0);
    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : deadLetters(kafka, 1)) {
      reasons.add(reason(record) + " | " + new String(record.value(), StandardCharsets.UTF_8));
    }
    assertThat(reasons)
        .containsExactly(
            "late: event time 2023-05-30T10:10:00Z is before the watermark 2023-06-01T10:15:00Z and before the oldest window"
                + " driver_daily_miles_stream holds for this entity; recompute it from the batch source | "
                + expired.json());
    assertThat(Http.get(server.url(), "/metrics").body())
        .contains("freshet_stream_events_late_total{view=\"driver_daily_miles_stream\"} 2.0")
        .contains("freshet_stream_events_expired_total{view=\"driver_daily_miles_stream\"} 1.0");
  }

  @Test
  void batchMaterializationAndTheStreamRaceNewestWinsInBothOrders() {
    Cli.Result applied =
        Cli.run(
            Map.of(
                "freshet.repo-path",
                repo.toString(),
                "freshet.online-store.type",
                "redis",
                "freshet.online-store.redis.connection-string",
                redis.connectionString()),
            "apply");
    assertThat(applied.exitCode()).as(applied.err()).isZero();
    FeatureServer server = start(Map.of());
    // The file's newest row for 1001 is at 2022-03-14T14:00:00Z.
    assertThat(
            Http.post(
                    server.url(),
                    "/materialize",
                    "{\"start_ts\": \"2021-01-01T00:00:00\", \"end_ts\": \"2023-01-01T00:00:00\"}")
                .status())
        .isEqualTo(200);
    Map.Entry<String, Double> batch = served(server, 1001);
    assertThat(batch.getKey()).isEqualTo("2022-03-14T14:00:00Z");

    // Batch first, then an older stream window: the batch row stays.
    List<Event> older =
        List.of(
            new Event(1001, Instant.parse("2022-03-14T11:30:00Z"), 3.0),
            new Event(9001, Instant.parse("2022-03-14T11:30:00Z"), 5.0));
    send(older);
    awaitServed(
        server, List.of(older.get(1)), 9001); // 9001 is not in the file: the stream has caught up
    assertThat(served(server, 1001)).isEqualTo(batch);

    // Then a newer stream window replaces it.
    List<Event> newer =
        List.of(older.get(0), new Event(1001, Instant.parse("2022-03-14T15:30:00Z"), 6.0));
    send(List.of(newer.get(1)));
    awaitServed(server, newer, 1001);
    assertThat(served(server, 1001).getValue()).isEqualTo(9.0);

    // Stream first, then a batch run over the same range: the newer stream window stays.
    assertThat(
            Http.post(
                    server.url(),
                    "/materialize",
                    "{\"start_ts\": \"2021-01-01T00:00:00\", \"end_ts\": \"2023-01-01T00:00:00\"}")
                .status())
        .isEqualTo(200);
    assertThat(served(server, 1001)).isEqualTo(Map.entry("2022-03-14T16:00:00Z", 9.0));
  }

  @Test
  void stoppedMidStreamAndStartedAgainCountsEveryEventOnce() {
    List<Event> events = new ArrayList<>();
    Random random = new Random(11);
    Instant start = Instant.parse("2023-06-01T00:00:00Z");
    for (int i = 0; i < 20_000; i++) {
      events.add(
          new Event(
              1001 + random.nextInt(20),
              start.plusSeconds(8L * i),
              0.25 * (1 + random.nextInt(40))));
    }
    send(events.subList(0, 10_000));
    FeatureServer first = start(Map.of());
    // Stop once some, not all, of the first half has been written.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Double.isNaN(served(first, 1001).getValue()) && Instant.now().isBefore(deadline)) {
      sleep(20);
    }
    servers.remove(first);
    first.close();
    send(events.subList(10_000, events.size()));

    FeatureServer second = start(Map.of());
    long[] drivers = new long[20];
    for (int d = 0; d < drivers.length; d++) {
      drivers[d] = 1001 + d;
    }
    awaitServed(second, events, drivers);
  }

  @Test
  void aBrokerRestartMidStreamLosesAndDoublesNothing() {
    FeatureServer server = start(Map.of("freshet.serving.public-health-details", true));
    List<Event> events = new ArrayList<>();
    Instant start = Instant.parse("2023-06-01T00:00:00Z");
    for (int i = 0; i < 200; i++) {
      events.add(new Event(1001 + i % 4, start.plusSeconds(90L * i), 0.75 * (1 + i % 5)));
    }
    send(events.subList(0, 100));
    awaitServed(server, events.subList(0, 100), 1001, 1002, 1003, 1004);

    kafka.restart();
    send(events.subList(100, 200));

    awaitServed(server, events, 1001, 1002, 1003, 1004);
    // freshet.serving.public-health-details shows them to everyone.
    assertThat(Http.get(server.url(), "/health").body())
        .contains("\"streamIngestion\":{\"name\":\"application\",\"status\":\"UP\"");
  }

  @Test
  void emitEventsReplaysTheFileShiftedBy52WeeksPerIteration() throws Exception {
    Cli.Result result =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "emit-events",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--rate",
            "0",
            "--iterations",
            "2");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("created topic drivers with 3 partitions")
        .contains(
            "emitting 1,807 events x 2 iteration(s) from driver_stats.parquet to topic drivers")
        .contains("sent 3,614 events");

    List<String> expected = new ArrayList<>();
    for (int iteration = 1; iteration <= 2; iteration++) {
      for (DriverStats.Row row : DriverStats.all(repo.resolve("data/driver_stats.parquet"))) {
        Instant shifted = row.eventTimestamp().plus(Duration.ofDays(7L * 52 * iteration));
        expected.add(row.driverId() + " " + Event.text(shifted) + " " + row.milesDriven());
      }
    }
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    properties.put("group.id", "check-emitter");
    properties.put("auto.offset.reset", "earliest");
    List<String> received = new ArrayList<>();
    java.util.Set<Integer> partitions = new java.util.HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("drivers"));
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (received.size() < expected.size() && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          JsonNode message = JSON.readTree(record.value());
          assertThat(new String(record.key(), StandardCharsets.UTF_8))
              .isEqualTo(message.get("driver_id").asText());
          received.add(
              message.get("driver_id").asLong()
                  + " "
                  + message.get("event_timestamp").asText()
                  + " "
                  + message.get("miles_driven").asDouble());
          partitions.add(record.partition());
        }
      }
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void emitEventsUnkeyedSpreadsEachDriverOverThePartitionsItCreates() throws Exception {
    Cli.Result result =
        Cli.run(
            Map.of("freshet.repo-path", repo.toString()),
            "emit-events",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--rate",
            "0",
            "--unkeyed",
            "--partitions",
            "4");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("created topic drivers with 4 partitions")
        .contains(
            "emitting 1,807 events x 1 iteration(s) from driver_stats.parquet to topic drivers, unkeyed, to random partitions of 4")
        .contains("sent 1,807 events");

    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    properties.put("group.id", "check-unkeyed");
    properties.put("auto.offset.reset", "earliest");
    Map<Long, java.util.Set<Integer>> partitionsOfDriver = new HashMap<>();
    int received = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("drivers"));
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (received < 1_807 && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          assertThat(record.key()).isNull();
          partitionsOfDriver
              .computeIfAbsent(
                  JSON.readTree(record.value()).get("driver_id").asLong(),
                  d -> new java.util.HashSet<>())
              .add(record.partition());
          received++;
        }
      }
    }
    assertThat(received).isEqualTo(1_807);
    assertThat(partitionsOfDriver)
        .hasSize(5)
        .allSatisfy(
            (driver, partitions) -> assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2, 3));
  }

  @Test
  void redisStoppedMidStreamLosesNothing() {
    FeatureServer server = start(Map.of());
    List<Event> events = new ArrayList<>();
    Instant start = Instant.parse("2023-06-01T00:00:00Z");
    for (int i = 0; i < 300; i++) {
      events.add(new Event(1001 + i % 5, start.plusSeconds(60L * i), 0.5 * (1 + i % 7)));
    }
    send(events.subList(0, 100));
    awaitServed(server, events.subList(0, 100), 1001, 1002, 1003, 1004, 1005);

    redis.kill();
    send(events.subList(100, 200));
    sleep(3_000);
    redis.restart(); // empty: what the stream writes from here on must hold every window whole
    send(events.subList(200, 300));

    awaitServed(server, events, 1001, 1002, 1003, 1004, 1005);
    assertThat(Http.get(server.url(), "/metrics").body())
        .containsPattern(
            "freshet_stream_write_failures_total\\{view=\"driver_daily_miles_stream\"} [1-9]");
  }
}
