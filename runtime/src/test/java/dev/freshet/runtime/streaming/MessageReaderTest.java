package dev.freshet.runtime.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.MessageFieldSpec;
import dev.freshet.spec.ValueType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class MessageReaderTest {
  private static final List<MessageFieldSpec> FIELDS =
      List.of(
          new MessageFieldSpec("driver_id", ValueType.INT64, false),
          new MessageFieldSpec("event_timestamp", ValueType.UNIX_TIMESTAMP, false),
          new MessageFieldSpec("miles_driven", ValueType.DOUBLE, false),
          new MessageFieldSpec("city", ValueType.STRING, true));

  private static KafkaSourceSpec source(
      MessageFormat format, TimestampFormat timestamps, String schema) {
    return new KafkaSourceSpec(
        "events",
        "drivers",
        format,
        schema,
        "event_timestamp",
        timestamps,
        Duration.ZERO,
        "",
        FIELDS,
        "",
        Map.of(),
        "");
  }

  private static StreamEvent read(KafkaSourceSpec source, String json)
      throws MalformedMessageException {
    return new MessageReader(source).read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonInEachTimestampFormat() throws Exception {
    StreamEvent utc =
        read(
            source(MessageFormat.JSON, TimestampFormat.DATE_TIME_UTC, ""),
            "{\"driver_id\": 1001, \"event_timestamp\": \"2021-04-12 10:59:42\", \"miles_driven\": 12.5, \"extra\": {\"a\": [1]}}");
    assertThat(utc.values())
        .containsExactly(1001L, Instant.parse("2021-04-12T10:59:42Z"), 12.5, null);
    assertThat(utc.eventTime()).isEqualTo(Instant.parse("2021-04-12T10:59:42Z"));

    StreamEvent iso =
        read(
            source(MessageFormat.JSON, TimestampFormat.ISO_8601, ""),
            "{\"driver_id\": \"1001\", \"event_timestamp\": \"2021-04-12T12:59:42+02:00\", \"miles_driven\": \"3\", \"city\": \"Oslo\"}");
    assertThat(iso.values())
        .containsExactly(1001L, Instant.parse("2021-04-12T10:59:42Z"), 3.0, "Oslo");

    StreamEvent millis =
        read(
            source(MessageFormat.JSON, TimestampFormat.EPOCH_MILLIS, ""),
            "{\"driver_id\": 1001, \"event_timestamp\": 1618225182000, \"miles_driven\": 1}");
    assertThat(millis.eventTime()).isEqualTo(Instant.parse("2021-04-12T10:59:42Z"));
  }

  @Test
  void malformedJsonIsNamed() {
    KafkaSourceSpec source = source(MessageFormat.JSON, TimestampFormat.DATE_TIME_UTC, "");
    assertThatThrownBy(
            () ->
                read(
                    source,
                    "{\"driver_id\": 1001, \"event_timestamp\": 1618225182000, \"miles_driven\": 1}"))
        .hasMessage(
            "field 'event_timestamp' is the number 1618225182000, but the source's times are DATE_TIME_UTC text");
    assertThatThrownBy(
            () ->
                read(source, "{\"driver_id\": 1001, \"event_timestamp\": \"2021-04-12 10:59:42\"}"))
        .hasMessage("field 'miles_driven' is missing or null");
    assertThatThrownBy(
            () ->
                read(
                    source,
                    "{\"driver_id\": 1.5, \"event_timestamp\": \"2021-04-12 10:59:42\", \"miles_driven\": 1}"))
        .hasMessage("field 'driver_id' is 1.5, which is not INT64");
    assertThatThrownBy(() -> read(source, "not json"))
        .hasMessageStartingWith("the message is not valid JSON");
  }

  @Test
  void avroRecordsInTheDeclaredSchema() throws Exception {
    String schemaText =
        "{\"type\": \"record\", \"name\": \"DriverEvent\", \"fields\": ["
            + "{\"name\": \"driver_id\", \"type\": \"long\"},"
            + "{\"name\": \"event_timestamp\", \"type\": \"long\"},"
            + "{\"name\": \"miles_driven\", \"type\": \"double\"},"
            + "{\"name\": \"city\", \"type\": [\"null\", \"string\"], \"default\": null}]}";
    Schema schema = new Schema.Parser().parse(schemaText);
    GenericRecord record = new GenericData.Record(schema);
    record.put("driver_id", 1001L);
    record.put("event_timestamp", 1618225182000L);
    record.put("miles_driven", 7.25);
    record.put("city", "Oslo");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();

    MessageReader reader =
        new MessageReader(source(MessageFormat.AVRO, TimestampFormat.EPOCH_MILLIS, schemaText));
    StreamEvent event = reader.read(bytes.toByteArray());

    assertThat(event.values())
        .containsExactly(1001L, Instant.parse("2021-04-12T10:59:42Z"), 7.25, "Oslo");
    assertThatThrownBy(() -> reader.read(new byte[] {1, 2}))
        .hasMessageStartingWith("the message is not an Avro record of the source's schema");
  }
}
