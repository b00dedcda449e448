package dev.freshet.runtime.streaming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshet.annotations.TimestampFormat;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.offline.DuckDb;
import dev.freshet.runtime.offline.ParquetSource;
import dev.freshet.runtime.time.EpochMicros;
import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.MessageFieldSpec;
import dev.freshet.spec.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays a Kafka source's batch source as its messages, the counterpart of the reference
 * scenario's {@code kafka_demo}: the rows in event-time order, each as a JSON message of the
 * source's declared fields (times in the source's format), keyed by its first field, with every
 * time shifted forward by 52 weeks per iteration, so that each pass is newer than the last.
 * Unkeyed, it sends as the workshop's {@code kafka_demo} does (kafka-python without a key): each
 * message to a partition picked at random, so one entity's events are spread over all of them.
 */
public final class EventEmitter {
  /** How far each iteration moves the times forward. */
  public static final Duration SHIFT = Duration.ofDays(52 * 7);

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final KafkaSourceSpec source;
  private final Path batchFile;

  public EventEmitter(KafkaSourceSpec source, Path batchFile) {
    this.source = source;
    this.batchFile = batchFile;
  }

  /**
   * The emitter of the Kafka source that reads {@code topic} (null: the first Kafka source),
   * replaying its file batch source.
   *
   * @throws IllegalArgumentException when there is no such source, or it has no file to replay
   */
  public static EventEmitter of(FeatureRegistry registry, FreshetConfig config, String topic) {
    List<KafkaSourceSpec> sources =
        registry.dataSources().stream()
            .filter(s -> s instanceof KafkaSourceSpec)
            .map(s -> (KafkaSourceSpec) s)
            .toList();
    KafkaSourceSpec source =
        sources.stream()
            .filter(s -> topic == null || s.topic().equals(topic))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        sources.isEmpty()
                            ? "this repository has no Kafka source"
                            : "no Kafka source reads topic '"
                                + topic
                                + "'; the topics are "
                                + sources.stream().map(KafkaSourceSpec::topic).toList()));
    DataSourceSpec batch = registry.dataSource(source.batchSource()).orElse(null);
    if (!(batch instanceof FileSourceSpec file)) {
      throw new IllegalArgumentException(
          "Kafka source " + source.name() + " has no file batch source to replay");
    }
    return new EventEmitter(source, config.resolve(file.path()));
  }

  /** One row of the batch file, as the message fields' values. */
  private record Row(Object[] values) {}

  /** {@link #emit(String, int, int, boolean, int, PrintWriter)} keyed, creating 3 partitions. */
  public long emit(String bootstrapServers, int rate, int iterations, PrintWriter out) {
    return emit(bootstrapServers, rate, iterations, false, 0, out);
  }

  /**
   * Creates the topic with {@code partitions} (0: 3) when missing, then sends every row {@code
   * iterations} times at {@code rate} messages per second (0: as fast as the broker takes them),
   * keyed by entity or, {@code unkeyed}, to random partitions. An interrupt stops it after the
   * message in flight.
   *
   * @return the number of messages sent
   */
  public long emit(
      String bootstrapServers,
      int rate,
      int iterations,
      boolean unkeyed,
      int partitions,
      PrintWriter out) {
    List<Row> rows = read();
    int topicPartitions = createTopic(bootstrapServers, partitions, out);
    Random random = new Random();
    out.printf(
        "emitting %,d events x %d iteration(s) from %s to topic %s%s%s%n",
        rows.size(),
        iterations,
        batchFile.getFileName(),
        source.topic(),
        rate > 0 ? " at " + rate + "/s" : "",
        unkeyed ? ", unkeyed, to random partitions of " + topicPartitions : "");
    out.flush();
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    long sent = 0;
    long started = System.nanoTime();
    boolean interrupted = false;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      passes:
      for (int iteration = 1; iteration <= iterations; iteration++) {
        Duration shift = SHIFT.multipliedBy(iteration);
        for (Row row : rows) {
          if (rate > 0) {
            long due = started + sent * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
            }
          }
          // Interrupted (the demo stopping): stop sending, then flush and close undisturbed.
          if (Thread.interrupted()) {
            interrupted = true;
            break passes;
          }
          try {
            if (unkeyed) {
              producer.send(
                  new ProducerRecord<>(
                      source.topic(), random.nextInt(topicPartitions), null, message(row, shift)));
            } else {
              byte[] key = String.valueOf(row.values()[0]).getBytes(StandardCharsets.UTF_8);
              producer.send(new ProducerRecord<>(source.topic(), key, message(row, shift)));
            }
          } catch (InterruptException e) {
            Thread.interrupted();
            interrupted = true;
            break passes;
          }
          sent++;
        }
        producer.flush();
        out.printf(
            "iteration %d: events sent, times shifted by %d weeks%n",
            iteration, shift.toDays() / 7);
        out.flush();
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    out.printf("sent %,d events in %.1f s%n", sent, (System.nanoTime() - started) / 1e9);
    out.flush();
    return sent;
  }

  private List<Row> read() {
    List<MessageFieldSpec> fields = source.fields();
    Map<String, String> schema = new ParquetSource(batchFile).schema();
    List<String> select = new ArrayList<>();
    for (MessageFieldSpec field : fields) {
      if (!schema.containsKey(field.name())) {
        throw new IllegalArgumentException(
            batchFile
                + " has no column '"
                + field.name()
                + "', a field of Kafka source "
                + source.name()
                + "; it has "
                + schema.keySet());
      }
      String column = DuckDb.quote(field.name());
      select.add(
          field.type() == ValueType.UNIX_TIMESTAMP
              ? "epoch_us(CAST(" + column + " AS TIMESTAMPTZ))"
              : column);
    }
    String query =
        "SELECT "
            + String.join(", ", select)
            + " FROM "
            + new ParquetSource(batchFile).scan()
            + " ORDER BY "
            + DuckDb.quote(source.timestampField());
    List<Row> rows = new ArrayList<>();
    try (Connection connection = DuckDb.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
          Object value = result.getObject(i + 1);
          values[i] =
              fields.get(i).type() == ValueType.UNIX_TIMESTAMP && value != null
                  ? EpochMicros.toInstant(((Number) value).longValue())
                  : value;
        }
        rows.add(new Row(values));
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          "cannot read " + batchFile + ": " + DuckDb.firstLine(e), e);
    }
    return rows;
  }

  private byte[] message(Row row, Duration shift) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      for (int i = 0; i < row.values().length; i++) {
        out.writeFieldName(source.fields().get(i).name());
        Object value = row.values()[i];
        if (value == null) {
          out.writeNull();
        } else if (value instanceof Instant instant) {
          writeTime(out, instant.plus(shift));
        } else if (value instanceof Number number) {
          if (value instanceof Double || value instanceof Float) {
            out.writeNumber(number.doubleValue());
          } else {
            out.writeNumber(number.longValue());
          }
        } else if (value instanceof Boolean b) {
          out.writeBoolean(b);
        } else {
          out.writeString(value.toString());
        }
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void writeTime(JsonGenerator out, Instant time) throws IOException {
    TimestampFormat format = source.timestampFormat();
    switch (format) {
      case EPOCH_MILLIS -> out.writeNumber(time.toEpochMilli());
      case ISO_8601 -> out.writeString(time.toString());
      case DATE_TIME_UTC -> {
        String text = DATE_TIME.format(time);
        int micros = time.getNano() / 1_000;
        out.writeString(micros == 0 ? text : text + String.format(".%06d", micros));
      }
    }
  }

  /** Creates the topic when missing; returns how many partitions it has. */
  private int createTopic(String bootstrapServers, int partitions, PrintWriter out) {
    int created = partitions > 0 ? partitions : Topics.PARTITIONS;
    if (!Topics.ensure(bootstrapServers, Set.of(source.topic()), created).isEmpty()) {
      out.printf("created topic %s with %d partitions%n", source.topic(), created);
      return created;
    }
    int existing = Topics.partitions(bootstrapServers, source.topic());
    if (partitions > 0 && existing != partitions) {
      out.printf(
          "topic %s exists with %d partitions; --partitions %d applies only to a topic it creates%n",
          source.topic(), existing, partitions);
    }
    return existing;
  }
}
