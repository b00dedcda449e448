package dev.freshet.runtime.streaming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import dev.freshet.runtime.time.AcceptedTimes;
import dev.freshet.runtime.time.Instants;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.MessageFieldSpec;
import dev.freshet.spec.ValueType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Reads the messages of one Kafka source into {@link StreamEvent}s, typed as the source declares
 * its fields: JSON objects (unknown fields ignored), or Avro records in the source's schema. Not
 * thread-safe: one per stream task.
 */
final class MessageReader {
  private static final JsonFactory JSON = new JsonFactory();

  private final KafkaSourceSpec source;
  private final List<MessageFieldSpec> fields;
  private final Map<String, Integer> positions = new HashMap<>();
  private final int timestampPosition;
  private final GenericDatumReader<GenericRecord> avro;
  private BinaryDecoder decoder;
  private GenericRecord reused;

  MessageReader(KafkaSourceSpec source) {
    this.source = source;
    this.fields = source.fields();
    for (int i = 0; i < fields.size(); i++) {
      positions.put(fields.get(i).name(), i);
    }
    Integer timestamp = positions.get(source.timestampField());
    if (timestamp == null) {
      throw new IllegalStateException(
          "Kafka source " + source.name() + " declares no field " + source.timestampField());
    }
    this.timestampPosition = timestamp;
    this.avro =
        source.format() == MessageFormat.AVRO
            ? new GenericDatumReader<>(new Schema.Parser().parse(source.avroSchema()))
            : null;
  }

  /** The position of {@code field} in {@link StreamEvent#values()}. */
  int position(String field) {
    Integer position = positions.get(field);
    if (position == null) {
      throw new IllegalArgumentException(
          "Kafka source " + source.name() + " has no field " + field);
    }
    return position;
  }

  StreamEvent read(byte[] message) throws MalformedMessageException {
    if (message == null) {
      throw new MalformedMessageException("the message has no value");
    }
    Object[] values = avro != null ? readAvro(message) : readJson(message);
    for (int i = 0; i < fields.size(); i++) {
      if (values[i] == null && (!fields.get(i).nullable() || i == timestampPosition)) {
        throw new MalformedMessageException(
            "field '" + fields.get(i).name() + "' is missing or null");
      }
    }
    return new StreamEvent(values, (Instant) values[timestampPosition], message);
  }

  private Object[] readJson(byte[] message) throws MalformedMessageException {
    Object[] values = new Object[fields.size()];
    try (JsonParser in = JSON.createParser(message)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedMessageException("the message is not a JSON object");
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        Integer position = positions.get(in.currentName());
        JsonToken token = in.nextToken();
        if (position == null) {
          in.skipChildren();
          continue;
        }
        values[position] = json(in, token, fields.get(position), position == timestampPosition);
      }
    } catch (IOException e) {
      throw new MalformedMessageException(
          "the message is not valid JSON: " + firstLine(e.getMessage()));
    }
    return values;
  }

  private Object json(JsonParser in, JsonToken token, MessageFieldSpec field, boolean eventTime)
      throws IOException, MalformedMessageException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    ValueType type = field.type();
    if (type.isList()) {
      if (token != JsonToken.START_ARRAY) {
        throw mistyped(field, in.getText());
      }
      List<Object> items = new ArrayList<>();
      for (JsonToken item = in.nextToken(); item != JsonToken.END_ARRAY; item = in.nextToken()) {
        items.add(scalar(in, item, field, type.elementType(), false));
      }
      return items;
    }
    return scalar(in, token, field, type, eventTime);
  }

  private Object scalar(
      JsonParser in, JsonToken token, MessageFieldSpec field, ValueType type, boolean eventTime)
      throws IOException, MalformedMessageException {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      throw mistyped(field, token == JsonToken.START_OBJECT ? "an object" : "an array");
    }
    boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    String text = in.getText();
    try {
      switch (type) {
        case INT64:
        case INT32:
          long whole =
              token == JsonToken.VALUE_NUMBER_INT ? in.getLongValue() : Long.parseLong(text.trim());
          if (type == ValueType.INT32) {
            return Math.toIntExact(whole);
          }
          return whole;
        case DOUBLE:
          return number ? in.getDoubleValue() : Double.parseDouble(text.trim());
        case FLOAT:
          return (float) (number ? in.getDoubleValue() : Double.parseDouble(text.trim()));
        case BOOL:
          if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
          }
          throw mistyped(field, text);
        case STRING:
          return text;
        case BYTES:
          return Base64.getDecoder().decode(text);
        case UNIX_TIMESTAMP:
          return time(number ? (Object) in.getLongValue() : text, field, eventTime);
        default:
          throw mistyped(field, text);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw mistyped(field, text);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("field '" + field.name() + "': " + e.getMessage());
    }
  }

  /**
   * A time: the event time in the source's declared format; other time fields as text in any form
   * {@link Instants} reads, or as epoch milliseconds.
   */
  private Instant time(Object value, MessageFieldSpec field, boolean eventTime)
      throws MalformedMessageException {
    Instant time = anyTime(value, field, eventTime);
    String refusal = AcceptedTimes.refusal(time);
    if (refusal != null) {
      throw new MalformedMessageException(
          "field '" + field.name() + "' is " + time + ", " + refusal);
    }
    return time;
  }

  private Instant anyTime(Object value, MessageFieldSpec field, boolean eventTime)
      throws MalformedMessageException {
    TimestampFormat format = eventTime ? source.timestampFormat() : null;
    if (value instanceof Long millis) {
      if (format != null && format != TimestampFormat.EPOCH_MILLIS) {
        throw new MalformedMessageException(
            "field '"
                + field.name()
                + "' is the number "
                + millis
                + ", but the source's times are "
                + format
                + " text");
      }
      return Instant.ofEpochMilli(millis);
    }
    String text = value.toString();
    if (format == TimestampFormat.EPOCH_MILLIS
        || (format == null && text.chars().allMatch(Character::isDigit) && !text.isEmpty())) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        throw new MalformedMessageException(
            "field '" + field.name() + "' is '" + text + "', not epoch milliseconds");
      }
    }
    try {
      return Instants.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("field '" + field.name() + "': " + e.getMessage());
    }
  }

  private Object[] readAvro(byte[] message) throws MalformedMessageException {
    try {
      decoder = DecoderFactory.get().binaryDecoder(message, decoder);
      reused = avro.read(reused, decoder);
    } catch (IOException | RuntimeException e) {
      throw new MalformedMessageException(
          "the message is not an Avro record of the source's schema: " + e);
    }
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      MessageFieldSpec field = fields.get(i);
      if (reused.getSchema().getField(field.name()) == null) {
        continue;
      }
      values[i] = avroValue(reused.get(field.name()), field, field.type(), i == timestampPosition);
    }
    return values;
  }

  private Object avroValue(Object value, MessageFieldSpec field, ValueType type, boolean eventTime)
      throws MalformedMessageException {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      if (!(value instanceof List<?> list)) {
        throw mistyped(field, String.valueOf(value));
      }
      List<Object> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(avroValue(item, field, type.elementType(), false));
      }
      return items;
    }
    Object plain = value instanceof Utf8 ? value.toString() : value;
    try {
      return switch (type) {
        case INT64 -> ((Number) plain).longValue();
        case INT32 -> Math.toIntExact(((Number) plain).longValue());
        case DOUBLE -> ((Number) plain).doubleValue();
        case FLOAT -> ((Number) plain).floatValue();
        case BOOL -> (Boolean) plain;
        case STRING -> plain.toString();
        case BYTES -> {
          ByteBuffer buffer = ((ByteBuffer) plain).duplicate();
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          yield bytes;
        }
        case UNIX_TIMESTAMP ->
            time(plain instanceof Number n ? (Object) n.longValue() : plain, field, eventTime);
        default -> throw mistyped(field, String.valueOf(plain));
      };
    } catch (ClassCastException | ArithmeticException e) {
      throw mistyped(field, String.valueOf(plain));
    }
  }

  private static MalformedMessageException mistyped(MessageFieldSpec field, String found) {
    return new MalformedMessageException(
        "field '" + field.name() + "' is " + found + ", which is not " + field.type());
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
