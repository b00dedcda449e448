package dev.freshet.runtime.streaming;

import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.KafkaConfig;
import dev.freshet.runtime.config.StreamingConfig;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.BeanProvider;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the registry's stream feature views as one Kafka Streams application ({@code serve --role
 * ingest}, or {@code all} when Kafka is configured). More instances with the same application id
 * share the partitions. A stream thread that fails (the online store down past the retry timeout)
 * is replaced, and its tasks resume from their last commit.
 */
@Singleton
public class StreamIngestion implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamIngestion.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final FeatureRegistry registry;
  private final FreshetConfig freshet;
  private final KafkaConfig kafka;
  private final StreamingConfig config;
  private final BeanProvider<OnlineStore> store;
  private final MeterRegistry meters;
  private KafkaStreams streams;
  private KafkaStreamsMetrics kafkaMetrics;

  public StreamIngestion(
      FeatureRegistry registry,
      FreshetConfig freshet,
      KafkaConfig kafka,
      StreamingConfig config,
      BeanProvider<OnlineStore> store,
      MeterRegistry meters) {
    this.registry = registry;
    this.freshet = freshet;
    this.kafka = kafka;
    this.config = config;
    this.store = store;
    this.meters = meters;
  }

  /** Whether there is anything to run: stream views, and brokers to read them from. */
  public boolean runnable() {
    return kafka.isConfigured() && !registry.streamFeatureViews().isEmpty();
  }

  /**
   * Starts the stream threads; returns at once.
   *
   * @throws IllegalArgumentException when Kafka is not configured or there are no stream views
   */
  public synchronized void start() {
    if (!kafka.isConfigured()) {
      throw new IllegalArgumentException(
          "stream ingestion needs the brokers: set kafka.bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS), e.g. localhost:9092");
    }
    if (registry.streamFeatureViews().isEmpty()) {
      throw new IllegalArgumentException("this repository has no stream feature views to ingest");
    }
    if (streams != null) {
      return;
    }
    Set<String> topics = new LinkedHashSet<>();
    for (StreamFeatureViewSpec view : registry.streamFeatureViews()) {
      topics.add(topicOf(view));
    }
    if (config.getDeadLetterTopic() != null && !config.getDeadLetterTopic().isBlank()) {
      topics.add(config.getDeadLetterTopic());
    }
    for (String created : Topics.ensure(kafka.getBootstrapServers(), topics)) {
      LOG.warn("created the missing topic {} with {} partitions", created, Topics.PARTITIONS);
    }
    StreamMetrics metrics = new StreamMetrics(meters);
    Topology topology = StreamTopology.build(registry, config, store::get, metrics);
    streams = new KafkaStreams(topology, properties());
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error(
              "a stream thread failed and is replaced; its tasks resume from their last commit: {}",
              e.toString());
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR) {
            LOG.error("stream ingestion stopped ({}); /health reports it DOWN", now);
          }
        });
    kafkaMetrics = new KafkaStreamsMetrics(streams);
    kafkaMetrics.bindTo(meters);
    bindLag();
    streams.start();
    LOG.info(
        "stream ingestion started: {} stream views from {}",
        registry.streamFeatureViews().size(),
        kafka.getBootstrapServers());
  }

  /**
   * {@code freshet.stream.lag{view}}: the records not yet read from the partitions a view depends
   * on (its source topic and, repartitioned, its internal topic), summed over this instance's
   * partitions, from Kafka's consumer metrics at each scrape.
   */
  private void bindLag() {
    for (StreamFeatureViewSpec view : registry.streamFeatureViews()) {
      String topic = topicOf(view);
      String internal = "-" + view.source() + "-by-";
      Gauge.builder("freshet.stream.lag", this, ingestion -> ingestion.lag(topic, internal))
          .description("Records of the view's topics not yet read by this instance (consumer lag)")
          .tag("view", view.name())
          .register(meters);
    }
  }

  private synchronized double lag(String topic, String internalTopicPart) {
    if (streams == null) {
      return Double.NaN;
    }
    double lag = 0;
    for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
      MetricName name = metric.getKey();
      String metricTopic = name.tags().getOrDefault("topic", "");
      boolean ours = metricTopic.equals(topic) || metricTopic.contains(internalTopicPart);
      if (name.name().equals("records-lag")
          && name.tags().containsKey("partition")
          && ours
          && !name.tags().getOrDefault("client-id", "").contains("restore")) {
        Object value = metric.getValue().metricValue();
        if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
          lag += number.doubleValue();
        }
      }
    }
    return lag;
  }

  /** What runs: {@code driver_daily_miles_stream <- drivers} per stream view, and the brokers. */
  public String describe() {
    List<String> views = new ArrayList<>();
    for (StreamFeatureViewSpec view : registry.streamFeatureViews()) {
      views.add(view.name() + " <- topic " + topicOf(view));
    }
    return String.join(", ", views) + " from " + kafka.getBootstrapServers();
  }

  /** The topic a stream view reads: its Kafka source's, which the processor checked exists. */
  private String topicOf(StreamFeatureViewSpec view) {
    return ((KafkaSourceSpec) registry.dataSource(view.source()).orElseThrow()).topic();
  }

  /** The Kafka Streams state, or null before {@link #start}. */
  public synchronized KafkaStreams.State state() {
    return streams == null ? null : streams.state();
  }

  private Properties properties() {
    Properties properties = new Properties();
    String applicationId =
        config.getApplicationId() != null
            ? config.getApplicationId()
            : "freshet-" + freshet.getProject();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
    properties.put(
        StreamsConfig.STATE_DIR_CONFIG, freshet.resolve(config.getStateDir()).toString());
    properties.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        config.isExactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
    properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(config.getThreads()));
    properties.put(
        StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    properties.put(
        StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    properties.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // A task may wait out an online store outage inside a write: the consumer and the transaction
    // must outlive the write retries, or the group would evict a task that is fine.
    long patience =
        Math.min(config.getWriteRetryTimeout().plus(Duration.ofMinutes(1)).toMillis(), 900_000);
    properties.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG),
        Long.toString(patience));
    properties.put(
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
        Long.toString(patience));
    // The processors commit right after each write to the online store (ViewProcessor). Kafka
    // Streams' own schedule is pushed out of the way: a commit of its own could pass rows that
    // are computed but not yet written. (It may not exceed the transaction timeout.)
    properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(patience));
    return properties;
  }

  @PreDestroy
  @Override
  public synchronized void close() {
    if (streams != null) {
      // Bounded, so that Ctrl-C stops within seconds even when the brokers are gone: what did
      // not commit is aborted and read again at the next start (exactly once either way).
      if (!streams.close(CLOSE_TIMEOUT)) {
        LOG.warn(
            "stream ingestion did not stop within {} s; it resumes from its last commit",
            CLOSE_TIMEOUT.toSeconds());
      }
      streams = null;
    }
    if (kafkaMetrics != null) {
      kafkaMetrics.close();
      kafkaMetrics = null;
    }
  }
}
