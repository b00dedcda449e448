package dev.freshet.processor;

import org.junit.jupiter.api.Test;

/** Rules of {@code @FileSource}, {@code @PushSource} and {@code @KafkaSource}. */
class SourceRulesTest {

  @Test
  void anEmptyPathIsAnError() {
    new Fixtures()
        .put(
            "StatsSource",
            """
            @FileSource(
                path = "",
                createdTimestampColumn = "created")
            public interface StatsSource {}
            """)
        .assertOneError(
            "StatsSource",
            "path = \"\"",
            "[FRESHET-SRC-001] file source 'stats_source' has an empty path");
  }

  @Test
  void anEmptyTimestampFieldIsAnError() {
    new Fixtures()
        .put(
            "StatsSource",
            """
            @FileSource(
                path = "data/driver_stats.parquet",
                timestampField = " ")
            public interface StatsSource {}
            """)
        .assertOneError(
            "StatsSource",
            "timestampField = \" \"",
            "[FRESHET-SRC-002] file source 'stats_source' has an empty timestampField");
  }

  @Test
  void aCreatedColumnThatIsTheTimestampFieldIsAnError() {
    new Fixtures()
        .put(
            "StatsSource",
            """
            @FileSource(
                path = "data/driver_stats.parquet",
                timestampField = "ts",
                createdTimestampColumn = "ts")
            public interface StatsSource {}
            """)
        .assertOneError(
            "StatsSource",
            "createdTimestampColumn = \"ts\"",
            "[FRESHET-SRC-003] file source 'stats_source' uses column 'ts' as both timestampField and"
                + " createdTimestampColumn");
  }

  @Test
  void aColumnMappedTwiceIsAnError() {
    new Fixtures()
        .put(
            "StatsSource",
            """
            @FileSource(
                path = "data/driver_stats.parquet",
                fieldMapping = {
                    @FieldMapping(column = "cr", feature = "conv_rate"),
                    @FieldMapping(column = "cr", feature = "acc_rate")})
            public interface StatsSource {}
            """)
        .assertOneError(
            "StatsSource",
            "@FieldMapping(column = \"cr\", feature = \"acc_rate\")",
            "[FRESHET-SRC-004] file source 'stats_source' maps column 'cr' twice in fieldMapping");
  }

  @Test
  void aPushSourceWithoutBatchSourceIsAnError() {
    new Fixtures()
        .put(
            "StatsPush",
            """
            @PushSource
            public interface StatsPush {}
            """)
        .assertOneError(
            "StatsPush",
            "@PushSource",
            "[FRESHET-SRC-005] push source 'stats_push' has no batchSource; name the @FileSource that holds the"
                + " same rows");
  }

  @Test
  void aBatchSourceThatIsNotAFileSourceIsAnError() {
    new Fixtures()
        .put(
            "StatsPush",
            """
            @PushSource(batchSource = Driver.class)
            public interface StatsPush {}
            """)
        .assertOneError(
            "StatsPush",
            "batchSource = Driver.class",
            "[FRESHET-SRC-006] push source 'stats_push' names Driver as batchSource, but Driver is not a"
                + " @FileSource.");
  }

  @Test
  void aTopicWithASlashIsAnError() {
    new Fixtures()
        .put(
            "Events",
            """
            @KafkaSource(
                topic = "drivers/events",
                batchSource = StatsSource.class)
            public interface Events {
              long driverId();
              Instant eventTimestamp();
              double milesDriven();
              String city();
            }
            """)
        .assertOneError(
            "Events",
            "topic = \"drivers/events\"",
            "[FRESHET-SRC-007] Kafka source 'events' has the topic 'drivers/events'");
  }

  @Test
  void avroWithoutASchemaIsAnError() {
    new Fixtures()
        .put(
            "Events",
            """
            @KafkaSource(
                topic = "drivers",
                format = MessageFormat.AVRO,
                batchSource = StatsSource.class)
            public interface Events {
              long driverId();
              Instant eventTimestamp();
              double milesDriven();
              String city();
            }
            """)
        .assertOneError(
            "Events",
            "format = MessageFormat.AVRO",
            "[FRESHET-SRC-008] Kafka source 'events' reads AVRO messages but gives no avroSchema");
  }

  @Test
  void aKafkaSourceWithoutFieldsIsAnError() {
    new Fixtures()
        .remove("DailyMiles")
        .put(
            "Events",
            """
            @KafkaSource(topic = "drivers", batchSource = StatsSource.class)
            public interface Events {}
            """)
        .assertOneError(
            "Events",
            "@KafkaSource(topic",
            "[FRESHET-SRC-009] Kafka source 'events' declares no message fields");
  }

  @Test
  void aTimestampFieldThatIsNotAMessageFieldIsAnError() {
    new Fixtures()
        .put(
            "Events",
            """
            @KafkaSource(
                topic = "drivers",
                timestampField = "event_timestmap",
                batchSource = StatsSource.class)
            public interface Events {
              long driverId();
              Instant eventTimestamp();
              double milesDriven();
              String city();
            }
            """)
        .assertOneError(
            "Events",
            "timestampField = \"event_timestmap\"",
            "[FRESHET-SRC-010] timestampField 'event_timestmap' of Kafka source 'events' is not one of its message"
                + " fields [driver_id, event_timestamp, miles_driven, city]. Did you mean event_timestamp?");
  }

  @Test
  void aTimestampFieldThatIsNotAnInstantIsAnError() {
    new Fixtures()
        .put(
            "Events",
            """
            @KafkaSource(topic = "drivers", batchSource = StatsSource.class)
            public interface Events {
              long driverId();
              String eventTimestamp();
              double milesDriven();
              String city();
            }
            """)
        .assertOneError(
            "Events",
            "String eventTimestamp();",
            "[FRESHET-SRC-011] timestamp field 'event_timestamp' of Kafka source 'events' is declared as"
                + " java.lang.String; declare it as Instant");
  }

  @Test
  void aKafkaSourceWithoutBatchSourceIsAnError() {
    new Fixtures()
        .put(
            "Events",
            """
            @KafkaSource(topic = "drivers")
            public interface Events {
              long driverId();
              Instant eventTimestamp();
              double milesDriven();
              String city();
            }
            """)
        .assertOneError(
            "Events",
            "@KafkaSource(topic",
            "[FRESHET-SRC-005] Kafka source 'events' has no batchSource");
  }

  @Test
  void aBadWatermarkDelayIsAnError() {
    new Fixtures()
        .put(
            "Events",
            """
            @KafkaSource(
                topic = "drivers",
                watermarkDelay = "five minutes",
                batchSource = StatsSource.class)
            public interface Events {
              long driverId();
              Instant eventTimestamp();
              double milesDriven();
              String city();
            }
            """)
        .assertOneError(
            "Events",
            "watermarkDelay = \"five minutes\"",
            "[FRESHET-DEF-007] watermarkDelay 'five minutes' of Kafka source 'events' is not a duration");
  }

  @Test
  void anAbsolutePathIsAWarning() {
    new Fixtures()
        .put(
            "StatsSource",
            """
            @FileSource(
                path = "/data/driver_stats.parquet",
                createdTimestampColumn = "created")
            public interface StatsSource {}
            """)
        .assertOneWarning(
            "StatsSource",
            "path = \"/data/driver_stats.parquet\"",
            "[FRESHET-SRC-W01] file source 'stats_source' has the absolute path");
  }

  @Test
  void anAvroSchemaOnJsonMessagesIsAWarning() {
    new Fixtures()
        .put(
            "Events",
            """
            @KafkaSource(
                topic = "drivers",
                avroSchema = "{\\"type\\": \\"record\\"}",
                batchSource = StatsSource.class)
            public interface Events {
              long driverId();
              Instant eventTimestamp();
              double milesDriven();
              String city();
            }
            """)
        .assertOneWarning(
            "Events",
            "avroSchema = ",
            "[FRESHET-SRC-W02] Kafka source 'events' gives an avroSchema but reads JSON");
  }
}
