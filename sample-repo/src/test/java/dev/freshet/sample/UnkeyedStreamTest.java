package dev.freshet.sample;

import static dev.freshet.sample.StreamIngestionTest.awaitServed;
import static dev.freshet.sample.StreamIngestionTest.served;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.server.FeatureServer;
import dev.freshet.sample.StreamIngestionTest.Event;
import dev.freshet.testing.LocalKafka;
import dev.freshet.testing.RedisServerProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's stream view fed as the workshop's emitter feeds it: messages without a key over a
 * topic of 3 partitions, so that each driver's events are spread over all three. Whatever order the
 * partitions are read in (a backlog before the ingestion starts, a live stream, a restart in the
 * middle), the served windows are the trailing-day sums computed here from the events sent, and no
 * event within the watermark delay is counted late.
 */
class UnkeyedStreamTest {
  private static final String LATE =
      "freshet_stream_events_late_total{view=\"driver_daily_miles_stream\"} ";
  private static final String EXPIRED =
      "freshet_stream_events_expired_total{view=\"driver_daily_miles_stream\"} ";
  private static final String OUTSIDE_WINDOW =
      "freshet_stream_events_outside_window_total{view=\"driver_daily_miles_stream\"} ";

  @TempDir Path root;
  Path repo;
  LocalKafka kafka;
  RedisServerProcess redis;
  final List<FeatureServer> servers = new ArrayList<>();

  @BeforeEach
  void services() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
    kafka = LocalKafka.start();
    redis = RedisServerProcess.start();
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    try (Admin admin = Admin.create(properties)) {
      admin
          .createTopics(List.of(new NewTopic("drivers", Optional.of(3), Optional.empty())))
          .all()
          .get();
    }
  }

  @AfterEach
  void stop() {
    servers.forEach(FeatureServer::close);
    kafka.close();
    redis.close();
  }

  FeatureServer start() {
    return start("data/streams");
  }

  /**
   * A server of its own, ingesting as one instance of the application, its window state in {@code
   * stateDir}.
   */
  FeatureServer start(String stateDir) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("freshet.streaming.state-dir", stateDir);
    properties.put("freshet.repo-path", repo.toString());
    properties.put("micronaut.server.port", -1);
    properties.put("freshet.online-store.type", "redis");
    properties.put("freshet.online-store.redis.connection-string", redis.connectionString());
    properties.put("kafka.bootstrap-servers", kafka.bootstrapServers());
    properties.put("freshet.streaming.dead-letter-topic", "drivers-dead-letters");
    FeatureServer server =
        FeatureServer.start(
            properties, new PrintWriter(new StringWriter()), MaterializationProgress.SILENT);
    servers.add(server);
    return server;
  }

  /** Sends each event without a key to the partition given for it. */
  void send(List<Event> events, List<Integer> partitions) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < events.size(); i++) {
        producer.send(
            new ProducerRecord<>("drivers", partitions.get(i), null, events.get(i).json()));
      }
      producer.flush();
    }
  }

  /**
   * {@code count} events of {@code drivers} drivers, {@code spacing} apart in event time, in time
   * order.
   */
  static List<Event> events(int count, int drivers, Duration spacing, long seed) {
    Random random = new Random(seed);
    Instant start = Instant.parse("2023-06-01T00:00:00Z");
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(
          new Event(
              1001 + random.nextInt(drivers),
              start.plus(spacing.multipliedBy(i)),
              0.25 * (1 + random.nextInt(400))));
    }
    return events;
  }

  /**
   * A producer that fills one partition at a time, as Kafka's sticky partitioner does for unkeyed
   * messages.
   */
  static List<Integer> inBlocks(int count, int block) {
    List<Integer> partitions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      partitions.add((i / block) % 3);
    }
    return partitions;
  }

  /** A producer that picks a partition at random for each message, as kafka-python and kcat do. */
  static List<Integer> atRandom(int count, long seed) {
    Random random = new Random(seed);
    List<Integer> partitions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      partitions.add(random.nextInt(3));
    }
    return partitions;
  }

  static long[] drivers(int count) {
    long[] drivers = new long[count];
    for (int d = 0; d < count; d++) {
      drivers[d] = 1001 + d;
    }
    return drivers;
  }

  String metrics(FeatureServer server) {
    return Http.get(server.url(), "/metrics").body();
  }

  /**
   * The case: 180 events of three drivers over 30 hours, all produced before the ingestion
   * starts; then events later than the delay, which are counted late, and either update their
   * window or, too old for any window held, go to the dead-letter topic.
   */
  @Test
  void aBacklogOfUnkeyedEventsOverThreePartitionsIsServedWhole() throws Exception {
    List<Event> events = events(180, 3, Duration.ofMinutes(10), 3);
    List<Integer> partitions = inBlocks(events.size(), 20);
    send(events, partitions);

    FeatureServer server = start();
    awaitServed(server, events, 1001, 1002, 1003);
    assertThat(metrics(server)).contains(LATE + "0.0").contains(EXPIRED + "0.0");

    // The partition that has come least far holds the watermark: its newest event less 5 minutes.
    Map<Integer, Instant> newest = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      newest.merge(partitions.get(i), events.get(i).time(), (a, b) -> a.isAfter(b) ? a : b);
    }
    int slowest =
        newest.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Instant progress = newest.get(slowest);
    Event withinDelay = new Event(1001, progress.minus(Duration.ofMinutes(3)), 1.25);
    Event lateInWindow = new Event(1001, progress.minus(Duration.ofHours(2)), 2.5);
    Event lateAndExpired = new Event(1001, progress.minus(Duration.ofDays(3)), 100.0);
    send(List.of(withinDelay, lateInWindow, lateAndExpired), List.of(slowest, slowest, slowest));

    List<Event> all = new ArrayList<>(events);
    all.addAll(List.of(withinDelay, lateInWindow, lateAndExpired));
    awaitServed(server, all, 1001, 1002, 1003);
    // Both events in the window changed 1001's sum: the late one was applied, not dropped.
    assertThat(StreamIngestionTest.expected(all, 1001).getValue())
        .isEqualTo(StreamIngestionTest.expected(events, 1001).getValue() + 3.75);
    List<String> reasons = new ArrayList<>();
    StreamIngestionTest.deadLetters(kafka, 1)
        .forEach(record -> reasons.add(StreamIngestionTest.reason(record)));
    assertThat(reasons).hasSize(1);
    assertThat(reasons.get(0))
        .startsWith("late: event time " + lateAndExpired.time() + " is before the watermark");
    assertThat(metrics(server)).contains(LATE + "2.0").contains(EXPIRED + "1.0");
  }

  /**
   * An event on time but older than every window its entity's state holds: counted outside the
   * window, neither late nor dead-lettered, and the served window stays as it was. It takes two
   * source partitions: on one, an event moves 1001's window to end at 11:00 on 2 June; the first
   * event on the other, 27 hours older, is that partition's progress, so the watermark (the least
   * progress less 5 minutes) is below it and it is not late; yet it is before the oldest bucket
   * 1001's state holds (the one of the window's end less a day less the delay: 10:00-11:00 on 1
   * June). On one partition the watermark would be the newer event's time less the delay, and
   * anything before the state's buckets would be late.
   */
  @Test
  void anOnTimeEventOlderThanTheWindowsHeldIsCountedAndNotApplied() {
    List<Event> events =
        List.of(
            new Event(1001, Instant.parse("2023-06-02T08:00:00Z"), 4.0),
            new Event(1001, Instant.parse("2023-06-02T10:00:00Z"), 12.5));
    send(events, List.of(0, 0));
    FeatureServer server = start();
    awaitServed(server, events, 1001);
    assertThat(StreamIngestionTest.served(server, 1001).getValue()).isEqualTo(16.5);
    assertThat(metrics(server)).contains(OUTSIDE_WINDOW + "0.0").contains(LATE + "0.0");

    Event outside = new Event(1001, Instant.parse("2023-06-01T07:00:00Z"), 100.0);
    send(List.of(outside), List.of(1));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!metrics(server).contains(OUTSIDE_WINDOW + "1.0") && Instant.now().isBefore(deadline)) {
      StreamIngestionTest.sleep(100);
    }
    assertThat(metrics(server))
        .contains(OUTSIDE_WINDOW + "1.0")
        .contains(LATE + "0.0")
        .contains(EXPIRED + "0.0")
        .contains("freshet_stream_events_consumed_total{source=\"driver_events\"} 3.0");
    // The window [2 June 11:00 - 1 day, 2 June 11:00) holds 4.0 + 12.5, not the 100.0.
    Map.Entry<String, Double> served = StreamIngestionTest.served(server, 1001);
    assertThat(served.getKey()).isEqualTo("2023-06-02T11:00:00Z");
    assertThat(served.getValue()).isEqualTo(16.5);
    List<Event> all = new ArrayList<>(events);
    all.add(outside);
    assertThat(StreamIngestionTest.expected(all, 1001).getValue()).isEqualTo(16.5);
    assertThat(StreamIngestionTest.deadLetters(kafka, 0)).isEmpty();
  }

  @Test
  void aLiveUnkeyedStreamIsServedWhole() {
    FeatureServer server = start();
    List<Event> events = events(20_000, 20, Duration.ofSeconds(8), 5);
    send(events, atRandom(events.size(), 5));

    awaitServed(server, events, drivers(20));
    assertThat(metrics(server))
        .contains(LATE + "0.0")
        .contains("freshet_stream_events_consumed_total{source=\"driver_events\"} 20000.0");
  }

  @Test
  void anIngestionStoppedAndStartedAgainOverUnkeyedEventsServesThemWhole() {
    List<Event> events = events(20_000, 20, Duration.ofSeconds(8), 9);
    List<Integer> partitions = inBlocks(events.size(), 500);
    send(events.subList(0, 10_000), partitions.subList(0, 10_000));
    FeatureServer first = start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Double.isNaN(served(first, 1001).getValue()) && Instant.now().isBefore(deadline)) {
      StreamIngestionTest.sleep(20);
    }
    servers.remove(first);
    first.close();
    send(events.subList(10_000, events.size()), partitions.subList(10_000, events.size()));

    FeatureServer second = start();
    awaitServed(second, events, drivers(20));
    assertThat(metrics(second)).contains(LATE + "0.0");
  }

  /** A second instance joins midway and the first leaves: two rebalances, the windows whole. */
  @Test
  void rebalancesOverUnkeyedEventsServeThemWhole() {
    List<Event> events = events(15_000, 20, Duration.ofSeconds(8), 13);
    List<Integer> partitions = atRandom(events.size(), 13);
    FeatureServer first = start("data/streams-a");
    send(events.subList(0, 5_000), partitions.subList(0, 5_000));
    awaitServed(first, events.subList(0, 5_000), drivers(20));

    FeatureServer second = start("data/streams-b");
    send(events.subList(5_000, 10_000), partitions.subList(5_000, 10_000));
    awaitServed(second, events.subList(0, 10_000), drivers(20));
    String firstMetrics = metrics(first);
    servers.remove(first);
    first.close();
    send(events.subList(10_000, events.size()), partitions.subList(10_000, events.size()));

    awaitServed(second, events, drivers(20));
    assertThat(firstMetrics).contains(LATE + "0.0");
    assertThat(metrics(second)).contains(LATE + "0.0");
  }
}
