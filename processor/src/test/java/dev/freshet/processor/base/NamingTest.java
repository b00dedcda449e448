package dev.freshet.processor.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.spec.Suggestions;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamingTest {

  @Test
  void snakeCaseFollowsWordsAndAcronyms() {
    assertThat(Naming.snakeCase("DriverHourlyStats")).isEqualTo("driver_hourly_stats");
    assertThat(Naming.snakeCase("convRate")).isEqualTo("conv_rate");
    assertThat(Naming.snakeCase("HTTPRequestCount")).isEqualTo("http_request_count");
    assertThat(Naming.snakeCase("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void aDigitRunStartsAWordAndKeepsTheLowerCaseLettersAfterIt() {
    assertThat(Naming.snakeCase("spend7d")).isEqualTo("spend_7d");
    assertThat(Naming.snakeCase("convRate7d")).isEqualTo("conv_rate_7d");
    assertThat(Naming.snakeCase("top10Items")).isEqualTo("top_10_items");
    assertThat(Naming.snakeCase("sha256Hash")).isEqualTo("sha_256_hash");
    assertThat(Naming.snakeCase("Stats00")).isEqualTo("stats_00");
    assertThat(Naming.snakeCase("HTTP2Server")).isEqualTo("http_2_server");
    assertThat(Naming.snakeCase("count_7d")).isEqualTo("count_7d");
  }

  @Test
  void aDigitRunAfterAOneLetterWordStaysWithIt() {
    assertThat(Naming.snakeCase("ModelV1")).isEqualTo("model_v1");
    assertThat(Naming.snakeCase("ModelV10")).isEqualTo("model_v10");
    assertThat(Naming.snakeCase("p99Latency")).isEqualTo("p99_latency");
    assertThat(Naming.snakeCase("v2Score")).isEqualTo("v2_score");
    assertThat(Naming.snakeCase("f0")).isEqualTo("f0");
    assertThat(Naming.snakeCase("latencyP99")).isEqualTo("latency_p99");
  }

  @Test
  void camelCaseUndoesSnakeCaseAndAvoidsKeywords() {
    assertThat(Naming.camelCase("daily_miles_driven")).isEqualTo("dailyMilesDriven");
    assertThat(Naming.camelCase("hourly_stats__conv_rate")).isEqualTo("hourlyStatsConvRate");
    assertThat(Naming.camelCase("_private")).isEqualTo("private_");
    assertThat(Naming.camelCase("class")).isEqualTo("class_");
  }

  @Test
  void camelCaseOfNamesWithDigitsGivesBackTheJavaName() {
    for (String javaName :
        List.of("spend7d", "convRate7d", "top10Items", "sha256Hash", "modelV1", "p99Latency")) {
      assertThat(Naming.camelCase(Naming.snakeCase(javaName))).isEqualTo(javaName);
    }
    assertThat(Naming.camelCase("spend_7d")).isEqualTo("spend7d");
    assertThat(Naming.camelCase("stats_00")).isEqualTo("stats00");
  }

  @Test
  void camelCaseIsAlwaysAJavaIdentifier() {
    assertThat(Naming.camelCase("_7d")).isEqualTo("_7d");
    assertThat(Naming.camelCase("_")).isEqualTo("__");
    assertThat(Naming.camelCase("__")).isEqualTo("__");
  }

  @Test
  void clientNamesFollowTheJoinKeysAndResolveClashesByView() {
    assertThat(Naming.keysParameter(List.of("driver_id"))).isEqualTo("driverIds");
    assertThat(Naming.keysParameter(List.of("driver_id", "rider_id"))).isEqualTo("keys");
    assertThat(Naming.featureAccessor("hourly_stats", "conv_rate", false)).isEqualTo("convRate");
    assertThat(Naming.featureAccessor("hourly", "conv_rate", true)).isEqualTo("hourlyConvRate");
  }

  @Test
  void theRegistryGoesInTheLongestPackageHoldingEveryDefinition() {
    assertThat(
            Naming.registry(List.of("com.acme.features.driver", "com.acme.features.rider"))
                .canonicalName())
        .isEqualTo("com.acme.features.FreshetRegistry");
    assertThat(
            Naming.registry(List.of("com.acme.features", "com.acme.featuresextra")).canonicalName())
        .isEqualTo("com.acme.FreshetRegistry");
    assertThat(Naming.registry(List.of("com.acme", "org.other")).canonicalName())
        .isEqualTo("FreshetRegistry");
    assertThat(Naming.entityConstant("driver")).isEqualTo("ENTITY_DRIVER");
    assertThat(Naming.streamFeatureViewConstant("daily_miles"))
        .isEqualTo("STREAM_VIEW_DAILY_MILES");
  }

  @Test
  void projectNamesFollowFeastsRule() {
    assertThat(Naming.projectName("my-features")).isEqualTo("my_features");
    assertThat(Naming.projectName("Driver Churn")).isEqualTo("driver_churn");
    assertThat(Naming.projectName("_private.repo")).isEqualTo("private_repo");
    assertThat(Naming.projectName("driver_churn_2")).isEqualTo("driver_churn_2");
    assertThat(Naming.projectName("--")).isEmpty();
    assertThat(Naming.defaultProject("dev.freshet.sample")).isEqualTo("sample");
    assertThat(Naming.defaultProject("com.acme.riderFeatures")).isEqualTo("rider_features");
    assertThat(Naming.defaultProject("features")).isEqualTo("features");
    assertThat(Naming.defaultProject("")).isEmpty();
  }

  @Test
  void suggestionsFindLikelyTyposOnly() {
    assertThat(Suggestions.closest("conv_rat", List.of("conv_rate", "acc_rate")))
        .contains("conv_rate");
    assertThat(Suggestions.closest("Drivers", List.of("Driver", "Rider"))).contains("Driver");
    assertThat(Suggestions.closest("totally_different", List.of("conv_rate"))).isEmpty();
    assertThat(Suggestions.hint("x", List.of())).isEmpty();
  }

  @Test
  void anUnknownNameIsSaidOneWayWithTheLikelyNameOrTheNamesThereAre() {
    assertThat(
            Suggestions.doesNotExist("feature view", "driver_stat", List.of("driver_stats", "x")))
        .isEqualTo("feature view 'driver_stat' does not exist; did you mean 'driver_stats'?");
    assertThat(Suggestions.doesNotExist("push source", "nope", List.of("b_push", "a_push")))
        .isEqualTo("push source 'nope' does not exist; the push sources are a_push, b_push");
    List<String> eleven = new java.util.ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("view_" + i);
    }
    assertThat(Suggestions.doesNotExist("feature view", "nope", eleven))
        .isEqualTo("feature view 'nope' does not exist");
    assertThat(Suggestions.doesNotExist("feature service", "nope", List.of()))
        .isEqualTo("feature service 'nope' does not exist");
  }
}
