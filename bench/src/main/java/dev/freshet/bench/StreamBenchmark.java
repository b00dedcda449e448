package dev.freshet.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.KafkaConfig;
import dev.freshet.runtime.config.RedisTopology;
import dev.freshet.runtime.config.StreamingConfig;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.layout.EntityKeys;
import dev.freshet.runtime.online.layout.FieldHashes;
import dev.freshet.runtime.online.layout.Timestamps;
import dev.freshet.runtime.online.layout.Values;
import dev.freshet.runtime.online.redis.RedisStores;
import dev.freshet.runtime.streaming.StreamIngestion;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import dev.freshet.testing.LocalKafka;
import dev.freshet.testing.RedisServerProcess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.commons.io.FileUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Stream ingestion of the bench repository's {@code rider_activity_stream} (SUM of distance over a
 * day sliding every hour) from a real broker into a real redis-server, against a raw baseline in
 * the same run: a plain kafka-clients consumer keeping a running sum per rider and writing it with
 * pipelined HSETs in Feast's layout (no windows, no state store, no exactly-once).
 *
 * <p>Freshness: after ten seconds of warm-up, events produced at RATE per second for SECONDS, and
 * meanwhile 100 probe events per second whose time from send to readable in Redis is measured by
 * polling Redis. Throughput: EVENTS produced beforehand, then read from the start, until the last
 * one is readable online. Keyed, every event goes to its rider's partition; unkeyed, each to a
 * random one of the 3, as the workshop's producer sends.
 */
final class StreamBenchmark {
  private static final String TOPIC = "rider_events";
  private static final String PROJECT = "bench";
  private static final long SENTINEL = 999_999_999L;
  private static final long PROBE = 888_888_888L;
  private static final int PROBES_PER_SECOND = 100;
  private static final JsonFactory JSON = new JsonFactory();

  private StreamBenchmark() {}

  /**
   * Set by {@link #run}: whether the ingestion repartitions by rider (the default) and how often it
   * commits.
   */
  private static boolean repartition = true;

  private static Duration commitInterval = Duration.ofMillis(100);

  /**
   * Set by {@link #run}: whether events are keyed by rider, or sent without a key to random
   * partitions.
   */
  private static boolean keyed = true;

  static void run(
      long events,
      long entities,
      int rate,
      int seconds,
      boolean repartitioned,
      Duration commit,
      boolean keyedEvents)
      throws Exception {
    repartition = repartitioned;
    keyed = keyedEvents;
    commitInterval = commit;
    Path work = Files.createTempDirectory("freshet-bench-stream");
    try (LocalKafka kafka = LocalKafka.start();
        RedisServerProcess redis = RedisServerProcess.start();
        OnlineStore store =
            RedisStores.open(
                redis.connectionString(), RedisTopology.STANDALONE, PROJECT, Duration.ZERO)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin
            .createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      FeatureRegistry registry = FeatureRegistry.load(StreamBenchmark.class.getClassLoader());
      FeatureViewSpec view = registry.featureView("rider_activity").orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "%d cores; broker, Redis and the JVM share them; freshet.streaming.repartition=%s, commit-interval=%d ms, events %s%n%n",
          Runtime.getRuntime().availableProcessors(),
          repartition,
          commitInterval.toMillis(),
          keyed ? "keyed" : "unkeyed over 3 partitions");

      // Freshness, Freshet: ingestion running, events at a steady rate, probes timed end to end.
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      long live = (long) rate * seconds;
      Histogram freshet;
      try (StreamIngestion ingestion =
          ingestion(registry, work, kafka, store, meters, "bench-freshness")) {
        ingestion.start();
        awaitRunning(ingestion);
        // Warm up (JIT, RocksDB, connections) at the same rate, unmeasured: a cold start lags
        // a few seconds before it catches up, which is a start-up cost, not freshness.
        produce(kafka, warmUp(rate), entities, rate, true);
        awaitConsumed(meters, warmUp(rate));
        freshet = probed(kafka, redis, live, entities, rate, seconds);
        Timer internal = meters.find("freshet.stream.freshness").timer();
        System.out.printf(
            Locale.ROOT,
            "freshet, produce to readable in Redis, at %,d events/s for %d s: p50 %d ms, p99 %d ms, max %d ms"
                + " (%,d probes; internal timer, arrival to written: p50 %.0f ms, p99 %.0f ms)%n",
            rate,
            seconds,
            freshet.getValueAtPercentile(50),
            freshet.getValueAtPercentile(99),
            freshet.getMaxValue(),
            freshet.getTotalCount(),
            percentile(internal, 0.5),
            percentile(internal, 0.99));
      }

      // Freshness, raw consumer.
      try (Jedis jedis = redis.client()) {
        jedis.flushAll();
      }
      Histogram rawLatencies = new Histogram(3_600_000L, 3);
      RawConsumer rawLive = new RawConsumer(kafka, redis, "raw-freshness", "latest", rawLatencies);
      Thread rawThread =
          new Thread(
              () -> rawLive.consume(warmUp(rate) + live + (long) seconds * PROBES_PER_SECOND));
      rawThread.start();
      rawLive.awaitAssigned();
      produce(kafka, warmUp(rate), entities, rate, true);
      Histogram raw = probed(kafka, redis, live, entities, rate, seconds);
      rawThread.join();
      System.out.printf(
          Locale.ROOT,
          "raw consumer, produce to readable in Redis, at %,d events/s: p50 %d ms, p99 %d ms, max %d ms%n%n",
          rate,
          raw.getValueAtPercentile(50),
          raw.getValueAtPercentile(99),
          raw.getMaxValue());

      // Throughput: a backlog, read from the start.
      long started = System.nanoTime();
      produce(kafka, events, entities, 0, false);
      produceSentinel(kafka);
      long total = 2 * (warmUp(rate) + live + (long) seconds * PROBES_PER_SECOND) + events + 1;
      System.out.printf(
          Locale.ROOT,
          "produced %,d events in %.1f s; the topic holds %,d%n",
          events + 1,
          (System.nanoTime() - started) / 1e9,
          total);

      SimpleMeterRegistry throughputMeters = new SimpleMeterRegistry();
      double freshetSeconds;
      try (StreamIngestion ingestion =
          ingestion(registry, work, kafka, store, throughputMeters, "bench-throughput")) {
        started = System.nanoTime();
        ingestion.start();
        awaitConsumed(throughputMeters, total);
        awaitSentinel(store, view);
        freshetSeconds = (System.nanoTime() - started) / 1e9;
      }
      try (Jedis jedis = redis.client()) {
        jedis.flushAll();
      }
      RawConsumer rawBacklog =
          new RawConsumer(kafka, redis, "raw-throughput", "earliest", new Histogram(3_600_000L, 3));
      started = System.nanoTime();
      rawBacklog.consume(total);
      double rawSeconds = (System.nanoTime() - started) / 1e9;

      System.out.printf(
          Locale.ROOT,
          "freshet ingestion: %,d events in %.1f s = %,.0f events/s (from start, incl. group join)%n",
          total,
          freshetSeconds,
          total / freshetSeconds);
      System.out.printf(
          Locale.ROOT,
          "raw consumer:      %,d events in %.1f s = %,.0f events/s%n",
          total,
          rawSeconds,
          total / rawSeconds);
      System.out.printf(
          Locale.ROOT, "freshet / raw throughput: %.2f%n", rawSeconds / freshetSeconds);
    } finally {
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  /** Ten seconds of events at the measured rate. */
  private static long warmUp(int rate) {
    return 10L * rate;
  }

  private static StreamIngestion ingestion(
      FeatureRegistry registry,
      Path work,
      LocalKafka kafka,
      OnlineStore store,
      SimpleMeterRegistry meters,
      String applicationId) {
    FreshetConfig freshet = new FreshetConfig();
    freshet.setRepoPath(work.toString());
    freshet.setProject(PROJECT);
    KafkaConfig brokers = new KafkaConfig();
    brokers.setBootstrapServers(kafka.bootstrapServers());
    StreamingConfig config = new StreamingConfig();
    config.setApplicationId(applicationId);
    config.setStateDir(work.resolve("streams-" + applicationId).toString());
    config.setRepartition(repartition);
    config.setCommitInterval(commitInterval);
    return new StreamIngestion(registry, freshet, brokers, config, () -> store, meters);
  }

  /**
   * Events of random riders; live ones stamped now and paced at {@code rate}, others spread over a
   * month.
   */
  private static void produce(LocalKafka kafka, long count, long entities, int rate, boolean live) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    properties.put("linger.ms", live ? "0" : "20");
    properties.put("batch.size", Integer.toString(256 * 1024));
    long base = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    java.util.Random random = new java.util.Random(count);
    long started = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < count; i++) {
        if (rate > 0) {
          long wait = started + i * 1_000_000_000L / rate - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        long rider = Math.floorMod(random.nextLong(), entities);
        long time =
            live ? System.currentTimeMillis() : base + i * 2_592_000_000L / Math.max(1, count);
        producer.send(record(rider, message(rider, time, 1 + random.nextInt(100)), random));
      }
    }
  }

  /**
   * Sends the live load, and meanwhile 100 probe events per second for one rider, each of distance
   * 1, so that the rider's served sum counts the probes seen; a poller reads that sum from Redis
   * and times each probe from its send to its being readable.
   */
  private static Histogram probed(
      LocalKafka kafka, RedisServerProcess redis, long live, long entities, int rate, int seconds)
      throws Exception {
    int probes = seconds * PROBES_PER_SECOND;
    long[] sent = new long[probes + 1];
    Histogram latencies = new Histogram(3_600_000L, 3);
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    byte[] key =
        EntityKeys.redisKey(
            List.of(new JoinKeySpec("rider_id", ValueType.INT64)), List.of(PROBE), PROJECT);
    byte[] field = FieldHashes.field("rider_activity", "daily_distance");
    Thread poller =
        new Thread(
            () -> {
              int seen = 0;
              try (Jedis jedis = redis.client()) {
                while (seen < probes && !stop.get()) {
                  byte[] value = jedis.hget(key, field);
                  int now = value == null ? 0 : (int) Math.round((Double) Values.decode(value));
                  long at = System.nanoTime();
                  for (int probe = seen + 1; probe <= now && probe <= probes; probe++) {
                    latencies.recordValue(
                        Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - sent[probe])));
                  }
                  seen = Math.max(seen, now);
                }
              }
            });
    Thread prober =
        new Thread(
            () -> {
              Properties properties = new Properties();
              properties.put("bootstrap.servers", kafka.bootstrapServers());
              properties.put("linger.ms", "0");
              try (KafkaProducer<byte[], byte[]> producer =
                  new KafkaProducer<>(
                      properties, new ByteArraySerializer(), new ByteArraySerializer())) {
                long started = System.nanoTime();
                java.util.Random partitions = new java.util.Random(probes);
                for (int probe = 1; probe <= probes; probe++) {
                  long wait =
                      started + probe * 1_000_000_000L / PROBES_PER_SECOND - System.nanoTime();
                  if (wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  sent[probe] = System.nanoTime();
                  producer.send(
                      record(PROBE, message(PROBE, System.currentTimeMillis(), 1), partitions));
                }
              }
            });
    poller.start();
    prober.start();
    produce(kafka, live, entities, rate, true);
    prober.join();
    poller.join(TimeUnit.SECONDS.toMillis(60));
    stop.set(true);
    poller.join();
    return latencies;
  }

  private static void produceSentinel(LocalKafka kafka) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              TOPIC,
              Long.toString(SENTINEL).getBytes(StandardCharsets.UTF_8),
              message(SENTINEL, Instant.parse("2023-02-01T00:00:00Z").toEpochMilli(), 42)));
    }
  }

  /** A rider's event, keyed by the rider or, unkeyed, to a random partition. */
  private static ProducerRecord<byte[], byte[]> record(
      long rider, byte[] message, java.util.Random random) {
    return keyed
        ? new ProducerRecord<>(
            TOPIC, Long.toString(rider).getBytes(StandardCharsets.UTF_8), message)
        : new ProducerRecord<>(TOPIC, random.nextInt(3), null, message);
  }

  private static byte[] message(long rider, long millis, double distance) {
    return ("{\"rider_id\":"
            + rider
            + ",\"event_timestamp\":"
            + millis
            + ",\"distance\":"
            + distance
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void awaitRunning(StreamIngestion ingestion) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (ingestion.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    // The repartition topic's consumers join too: give the group a moment past RUNNING.
    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
  }

  private static void awaitConsumed(SimpleMeterRegistry meters, long count) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (System.nanoTime() < deadline) {
      Counter consumed = meters.find("freshet.stream.events.consumed").counter();
      if (consumed != null && consumed.count() >= count) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    throw new IllegalStateException("ingestion did not consume " + count + " events in 30 minutes");
  }

  private static void awaitSentinel(OnlineStore store, FeatureViewSpec view) {
    ViewRead read = new ViewRead(view, List.of("daily_distance"), List.of(List.of(SENTINEL)));
    while (true) {
      StoredRow row = store.read(List.of(read)).get(0).get(0);
      if (row.found() && Double.valueOf(42.0).equals(row.values().get(0))) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static double percentile(Timer timer, double percentile) {
    for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
      if (value.percentile() == percentile) {
        return value.value(TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }

  /**
   * The baseline: poll, parse, keep a running sum per rider, pipeline the changed riders' HSETs,
   * sync.
   */
  private static final class RawConsumer {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RedisServerProcess redis;
    private final Histogram freshness;
    private final java.util.concurrent.CountDownLatch assigned =
        new java.util.concurrent.CountDownLatch(1);
    private final List<JoinKeySpec> keys = List.of(new JoinKeySpec("rider_id", ValueType.INT64));
    private final byte[] field = FieldHashes.field("rider_activity", "daily_distance");
    private final byte[] timestampField = FieldHashes.timestampField("rider_activity");

    RawConsumer(
        LocalKafka kafka,
        RedisServerProcess redis,
        String group,
        String reset,
        Histogram freshness) {
      Properties properties = new Properties();
      properties.put("bootstrap.servers", kafka.bootstrapServers());
      properties.put("group.id", group);
      properties.put("auto.offset.reset", reset);
      properties.put("max.poll.records", "5000");
      this.consumer =
          new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      this.redis = redis;
      this.freshness = freshness;
    }

    void awaitAssigned() throws InterruptedException {
      assigned.await(60, TimeUnit.SECONDS);
    }

    void consume(long count) {
      Map<Long, double[]> sums = new HashMap<>();
      long seen = 0;
      try (consumer;
          Jedis jedis = redis.client()) {
        consumer.subscribe(Set.of(TOPIC));
        while (seen < count) {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
          if (!consumer.assignment().isEmpty()) {
            assigned.countDown();
          }
          if (records.isEmpty()) {
            continue;
          }
          Map<Long, long[]> changed = new HashMap<>();
          for (ConsumerRecord<byte[], byte[]> record : records) {
            long[] parsed = new long[2];
            double distance = parse(record.value(), parsed);
            sums.computeIfAbsent(parsed[0], r -> new double[1])[0] += distance;
            // The event time written, and the earliest arrival among the rider's events in this
            // batch.
            changed.merge(
                parsed[0],
                new long[] {parsed[1], record.timestamp()},
                (a, b) -> new long[] {b[0], Math.min(a[1], b[1])});
          }
          Pipeline pipeline = jedis.pipelined();
          for (Map.Entry<Long, long[]> entry : changed.entrySet()) {
            Map<byte[], byte[]> hash = new HashMap<>();
            hash.put(timestampField, Timestamps.encode(Instant.ofEpochMilli(entry.getValue()[0])));
            hash.put(field, Values.encode(sums.get(entry.getKey())[0], ValueType.DOUBLE));
            pipeline.hset(EntityKeys.redisKey(keys, List.of(entry.getKey()), PROJECT), hash);
          }
          pipeline.sync();
          long now = System.currentTimeMillis();
          for (long[] times : changed.values()) {
            freshness.recordValue(Math.max(0, now - times[1]));
          }
          consumer.commitSync();
          seen += records.count();
        }
      }
    }

    /** The rider and time into {@code out}; returns the distance. */
    private static double parse(byte[] message, long[] out) {
      double distance = 0;
      try (JsonParser in = JSON.createParser(message)) {
        in.nextToken();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          in.nextToken();
          switch (name) {
            case "rider_id" -> out[0] = in.getLongValue();
            case "event_timestamp" -> out[1] = in.getLongValue();
            case "distance" -> distance = in.getDoubleValue();
            default -> in.skipChildren();
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return distance;
    }
  }
}
