package dev.freshet.spec;

import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

  @Override
  public String kind() {
    return "kafka";
  }
}
