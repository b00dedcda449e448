package dev.freshet.processor;

import org.junit.jupiter.api.Test;

/** Rules of {@code @FeatureService} and {@code @Select}. */
class FeatureServiceRulesTest {

  private static Fixtures withService(String body) {
    return new Fixtures().put("ModelV1", body);
  }

  @Test
  void aServiceSelectingNothingIsAnError() {
    withService(
            """
            @FeatureService(features = {})
            public interface ModelV1 {}
            """)
        .assertOneError(
            "ModelV1",
            "@FeatureService(features = {})",
            "[FRESHET-FS-001] feature service 'model_v1' selects no features");
  }

  @Test
  void selectingFromSomethingThatIsNotAViewIsAnErrorWithASuggestion() {
    withService(
            """
            @FeatureService(
                features = @Select(view = HourlyStat.class))
            public interface ModelV1 {}
            """)
        .put(
            "HourlyStat",
            """
            public interface HourlyStat {}
            """)
        .assertOneError(
            "ModelV1",
            "features = @Select(view = HourlyStat.class)",
            "[FRESHET-FS-002] feature service 'model_v1' selects from HourlyStat, but HourlyStat is"
                + " not a @FeatureView nor an @OnDemandFeatureView. Did you mean HourlyStats?");
  }

  @Test
  void selectingFromAStreamViewPointsAtItsTarget() {
    withService(
            """
            @FeatureService(
                features = @Select(view = DailyMiles.class))
            public interface ModelV1 {}
            """)
        .assertOneError(
            "ModelV1",
            "features = @Select(view = DailyMiles.class)",
            "[FRESHET-FS-002] feature service 'model_v1' selects from DailyMiles, which is a @StreamFeatureView;"
                + " select its features from the view it writes to, DailyFeatures");
  }

  @Test
  void selectingAFeatureThatDoesNotExistIsAnErrorWithASuggestion() {
    withService(
            """
            @FeatureService(
                features = @Select(view = HourlyStats.class, features = {"acc_rate", "conv_rat"}))
            public interface ModelV1 {}
            """)
        .assertOneError(
            "ModelV1",
            "features = {\"acc_rate\", \"conv_rat\"}",
            "[FRESHET-FS-003] feature view 'hourly_stats' has no feature 'conv_rat' (it has [conv_rate, acc_rate])."
                + " Did you mean conv_rate?");
  }

  @Test
  void selectingAFeatureTwiceIsAnError() {
    withService(
            """
            @FeatureService(
                features = @Select(view = HourlyStats.class, features = {"conv_rate", "conv_rate"}))
            public interface ModelV1 {}
            """)
        .assertOneError(
            "ModelV1",
            "features = {\"conv_rate\", \"conv_rate\"}",
            "[FRESHET-FS-004] feature service 'model_v1' selects 'conv_rate' twice from the same view");
  }

  @Test
  void selectingAViewTwiceWithoutAliasIsAnError() {
    withService(
            """
            @FeatureService(features = {
                @Select(view = HourlyStats.class, features = "conv_rate"),
                @Select(view = HourlyStats.class, features = "acc_rate")})
            public interface ModelV1 {}
            """)
        .assertOneError(
            "ModelV1",
            "@Select(view = HourlyStats.class, features = \"acc_rate\")",
            "[FRESHET-FS-005] feature service 'model_v1' selects from 'hourly_stats' twice; merge the two @Select,"
                + " or give one an alias");
  }

  @Test
  void anInvalidAliasIsAnError() {
    withService(
            """
            @FeatureService(features = {
                @Select(view = HourlyStats.class, alias = "hourly-stats")})
            public interface ModelV1 {}
            """)
        .assertOneError(
            "ModelV1",
            "alias = \"hourly-stats\"",
            "[FRESHET-DEF-004] 'hourly-stats' is not a valid alias name");
  }

  @Test
  void selectingFromAnOfflineViewIsAWarning() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class, online = false)
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneWarning(
            "ModelV1",
            "features = @Select(view = HourlyStats.class",
            "[FRESHET-FS-W01] feature service 'model_v1' selects from feature view 'hourly_stats', which is offline");
  }

  @Test
  void twoSelectionsGivingOneFeatureNameIsAWarning() {
    Fixtures fixtures =
        new Fixtures()
            .put(
                "ModelV1",
                """
                @FeatureService(features = {
                    @Select(view = HourlyStats.class, features = "conv_rate"),
                    @Select(view = HourlyStats.class, features = "conv_rate", alias = "yesterday")})
                public interface ModelV1 {}
                """);
    fixtures.assertOneWarning(
        "ModelV1",
        "alias = \"yesterday\"",
        "[FRESHET-FS-W02] feature service 'model_v1' selects a feature named 'conv_rate' from both 'hourly_stats'"
            + " and 'yesterday'");
  }
}
