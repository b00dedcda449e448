package dev.freshet.processor;

import org.junit.jupiter.api.Test;

/** Rules of {@code @StreamFeatureView} and {@code @Aggregation}. */
class StreamFeatureViewRulesTest {

  private static Fixtures withStream(String body) {
    return new Fixtures().put("DailyMiles", body);
  }

  @Test
  void aStreamViewWithoutSourceIsAnError() {
    withStream(
            """
            @StreamFeatureView(target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "@StreamFeatureView(target",
            "[FRESHET-SFV-001] stream feature view 'daily_miles' has no source");
  }

  @Test
  void aStreamViewOverAFileSourceIsAnError() {
    withStream(
            """
            @StreamFeatureView(
                source = StatsSource.class,
                target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "source = StatsSource.class",
            "[FRESHET-SFV-002] stream feature view 'daily_miles' reads StatsSource, but StatsSource is a"
                + " @FileSource; a stream feature view reads a @KafkaSource.");
  }

  @Test
  void aStreamViewWithoutTargetIsAnError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "@StreamFeatureView(source",
            "[FRESHET-SFV-003] stream feature view 'daily_miles' has no target");
  }

  @Test
  void aTargetThatIsNotAFeatureViewIsAnError() {
    withStream(
            """
            @StreamFeatureView(
                source = Events.class,
                target = StatsPush.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "target = StatsPush.class",
            "[FRESHET-SFV-004] stream feature view 'daily_miles' targets StatsPush, but StatsPush is not a"
                + " @FeatureView.");
  }

  @Test
  void aFeatureTheTargetDoesNotHaveIsAnError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d")
              float dailyMileDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "float dailyMileDriven();",
            "[FRESHET-SFV-005] stream feature view 'daily_miles' computes 'daily_mile_driven', but feature view"
                + " 'daily_features' has no such feature (it has [daily_miles_driven, trips]). Did you mean"
                + " daily_miles_driven?");
  }

  @Test
  void aFeatureOfAnotherTypeThanTheTargetsIsAnError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d")
              double dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "double dailyMilesDriven();",
            "[FRESHET-SFV-006] 'daily_miles_driven' is double here but float in feature view 'daily_features';"
                + " declare it as float");
  }

  @Test
  void anAggregatedColumnThatIsNotAMessageFieldIsAnError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles", window = "1d")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "column = \"miles\"",
            "[FRESHET-SFV-007] aggregation column 'miles' is not a message field of Kafka source 'events'");
  }

  @Test
  void aWindowThatIsNotAMultipleOfTheSlideIsAnError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "90m", slide = "1h")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "window = \"90m\"",
            "[FRESHET-SFV-008] window '90m' is not a whole multiple of slide '1h'");
  }

  @Test
  void anUnparseableWindowIsOneError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1 day")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "window = \"1 day\"",
            "[FRESHET-DEF-007] window '1 day' of stream feature view 'daily_miles' is not a duration");
  }

  @Test
  void summingAStringIsAnError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "city", window = "1d")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "function = AggregationFunction.SUM, column = \"city\"",
            "[FRESHET-SFV-009] SUM needs a numeric column, but 'city' is STRING");
  }

  @Test
  void countingIntoAFloatIsAnError() {
    new Fixtures()
        .put(
            "DailyFeatures",
            """
            @FeatureView(entities = Driver.class, source = StatsPush.class)
            public interface DailyFeatures {
              float trips();
            }
            """)
        .put(
            "DailyMiles",
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.COUNT, column = "city", window = "1d")
              float trips();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "float trips();",
            "[FRESHET-SFV-009] COUNT gives a whole number: declare it as long or int, but 'trips' is declared as"
                + " float");
  }

  @Test
  void mixingAggregatedAndPlainFeaturesIsAnError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d")
              float dailyMilesDriven();

              long trips();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "@StreamFeatureView(source",
            "[FRESHET-SFV-010] stream feature view 'daily_miles' mixes aggregated and plain features");
  }

  @Test
  void aMessageWithoutTheTargetsJoinKeyIsAnError() {
    new Fixtures()
        .put(
            "Events",
            """
            @KafkaSource(topic = "drivers", batchSource = StatsSource.class)
            public interface Events {
              long driver();
              Instant eventTimestamp();
              double milesDriven();
              String city();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "source = Events.class",
            "[FRESHET-SFV-011] join key 'driver_id' of feature view 'daily_features' is not a message field of"
                + " Kafka source 'events'");
  }

  @Test
  void aPlainFeatureWithoutItsMessageFieldIsAnError() {
    withStream(
            """
            @StreamFeatureView(source = Events.class, target = DailyFeatures.class)
            public interface DailyMiles {
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "DailyMiles",
            "float dailyMilesDriven();",
            "[FRESHET-SFV-012] feature 'daily_miles_driven' is copied from the message field of the same name, but"
                + " Kafka source 'events' has no such field");
  }

  @Test
  void aTargetThatDoesNotReadAPushSourceIsAWarning() {
    withStream(
            """
            @StreamFeatureView(
                source = Events.class,
                target = HourlyStats.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.MEAN, column = "miles_driven", window = "1d")
              float convRate();
            }
            """)
        .assertOneWarning(
            "DailyMiles",
            "target = HourlyStats.class",
            "[FRESHET-SFV-W01] stream feature view 'daily_miles' targets feature view 'hourly_stats', which does"
                + " not read a @PushSource");
  }
}
