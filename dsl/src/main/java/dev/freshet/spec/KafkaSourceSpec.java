package dev.freshet.spec;

import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kafka topic of events.
 *
 * @param avroSchema empty unless {@code format} is AVRO
 * @param fields the message fields, in declaration order
 */
public record KafkaSourceSpec(
    String name,
    String topic,
    MessageFormat format,
    String avroSchema,
    String timestampField,
    TimestampFormat timestampFormat,
    Duration watermarkDelay,
    String batchSource,
    List<MessageFieldSpec> fields,
    String description,
    Map<String, String> tags,
    String owner)
    implements DataSourceSpec {

  /**
   * A builder of the Kafka source {@code name}; set its topic, batch source and fields. The other
   * parts default as in {@code @KafkaSource}: JSON messages, an {@code event_timestamp} field in
   * ISO-8601, no watermark delay.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String kind() {
    return "kafka";
  }

  /** Builds a {@link KafkaSourceSpec} by naming each part; the defaults are the annotation's. */
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private String topic = "";
    private MessageFormat format = MessageFormat.JSON;
    private String avroSchema = "";
    private String timestampField = "event_timestamp";
    private TimestampFormat timestampFormat = TimestampFormat.ISO_8601;
    private Duration watermarkDelay = Duration.ZERO;
    private String batchSource = "";
    private final List<MessageFieldSpec> fields = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder topic(String topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    public Builder format(MessageFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    public Builder avroSchema(String avroSchema) {
      this.avroSchema = Objects.requireNonNull(avroSchema, "avroSchema");
      return this;
    }

    public Builder timestampField(String timestampField) {
      this.timestampField = Objects.requireNonNull(timestampField, "timestampField");
      return this;
    }

    public Builder timestampFormat(TimestampFormat timestampFormat) {
      this.timestampFormat = Objects.requireNonNull(timestampFormat, "timestampFormat");
      return this;
    }

    public Builder watermarkDelay(Duration watermarkDelay) {
      this.watermarkDelay = Objects.requireNonNull(watermarkDelay, "watermarkDelay");
      return this;
    }

    /** The file source the topic's events are also written to, for training. */
    public Builder batchSource(String batchSource) {
      this.batchSource = Objects.requireNonNull(batchSource, "batchSource");
      return this;
    }

    /** Adds a message field that is never null, after those added before. */
    public Builder field(String name, ValueType type) {
      return addField(name, type, false);
    }

    /** Adds a message field that may be null or missing, after those added before. */
    public Builder nullableField(String name, ValueType type) {
      return addField(name, type, true);
    }

    private Builder addField(String name, ValueType type, boolean nullable) {
      Objects.requireNonNull(name, "name");
      fields.add(new MessageFieldSpec(name, Objects.requireNonNull(type, "type"), nullable));
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public KafkaSourceSpec build() {
      return new KafkaSourceSpec(
          name,
          topic,
          format,
          avroSchema,
          timestampField,
          timestampFormat,
          watermarkDelay,
          batchSource,
          List.copyOf(fields),
          description,
          tags(),
          owner);
    }
  }
}
