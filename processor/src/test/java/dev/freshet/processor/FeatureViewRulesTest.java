package dev.freshet.processor;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules of {@code @FeatureView}. */
class FeatureViewRulesTest {

  @Test
  void aViewWithoutEntitiesIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(source = StatsSource.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "@FeatureView(source",
            "[FRESHET-FV-001] feature view 'hourly_stats' lists no entities; name the @Entity its rows describe");
  }

  @Test
  void anEntityThatIsNotAnEntityIsAnErrorWithASuggestion() {
    new Fixtures()
        .put(
            "Drivers",
            """
            public interface Drivers {}
            """)
        .put(
            "HourlyStats",
            """
            @FeatureView(
                entities = Drivers.class,
                source = StatsSource.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "entities = Drivers.class",
            "[FRESHET-FV-002] feature view 'hourly_stats' lists Drivers in entities, but Drivers is not an"
                + " @Entity. Did you mean Driver?");
  }

  @Test
  void aScheduleThatIsNeitherAnIntervalNorACronExpressionIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(
                entities = Driver.class,
                source = StatsSource.class,
                schedule = "every hour")
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "schedule = \"every hour\"",
            "[FRESHET-FV-008] schedule 'every hour' of feature view 'hourly_stats' is neither an interval (such as 15m or 1h)"
                + " nor a cron expression with seconds (such as \"0 0 * * * *\", every hour on the hour)");
  }

  @Test
  void intervalAndCronSchedulesAreAccepted() {
    for (String schedule : List.of("15m", "1h", "0 0 * * * *", "0 */15 9-17 * * MON-FRI")) {
      new Fixtures()
          .put(
              "HourlyStats",
              """
              @FeatureView(entities = Driver.class, source = StatsSource.class, schedule = "%s")
              public interface HourlyStats {
                float convRate();
                float accRate();
              }
              """
                  .formatted(schedule))
          .assertCompilesCleanly();
    }
  }

  @Test
  void aViewWithoutSourceIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "@FeatureView(entities",
            "[FRESHET-FV-003] feature view 'hourly_stats' has no source");
  }

  @Test
  void aViewOverAKafkaSourceIsAnErrorThatPointsAtStreamViews() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(
                entities = Driver.class,
                source = Events.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "source = Events.class",
            "[FRESHET-FV-004] feature view 'hourly_stats' names Events as source, but Events is a @KafkaSource;",
            "@StreamFeatureView(source = Events.class, target = HourlyStats.class)");
  }

  @Test
  void aViewOverAnEntityIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(
                entities = Driver.class,
                source = Driver.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "source = Driver.class",
            "[FRESHET-FV-004] feature view 'hourly_stats' names Driver as source, but Driver is not a @FileSource"
                + " or @PushSource.");
  }

  @Test
  void aViewWithoutFeaturesIsAnError() {
    new Fixtures()
        .remove("ModelV1")
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class)
            public interface HourlyStats {}
            """)
        .assertOneError(
            "HourlyStats",
            "@FeatureView(entities",
            "[FRESHET-FV-005] feature view 'hourly_stats' declares no features");
  }

  @Test
  void aFeatureNamedLikeAJoinKeyIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
              long driverId();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "long driverId();",
            "[FRESHET-FV-006] feature 'driver_id' of feature view 'hourly_stats' has the name of a join key");
  }

  @Test
  void aFeatureReadFromTheTimestampColumnIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
              Instant created();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "Instant created();",
            "[FRESHET-FV-006] feature 'created' of feature view 'hourly_stats' has the name of a timestamp column"
                + " of file source 'stats_source'");
  }

  @Test
  void anEntityListedTwiceIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(
                entities = {Driver.class, Driver.class},
                source = StatsSource.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "entities = {Driver.class, Driver.class}",
            "[FRESHET-FV-007] feature view 'hourly_stats' lists Driver twice in entities");
  }
}
