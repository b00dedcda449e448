package dev.freshet.annotations;

/** How the messages of a {@link KafkaSource} are encoded. */
public enum MessageFormat {
  /** One JSON object per message. */
  JSON,
  /** Avro binary, with the schema given in {@link KafkaSource#avroSchema()}. */
  AVRO
}
