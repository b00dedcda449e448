package dev.freshet.processor.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.spec.Suggestions;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamingTest {

  @Test
  void snakeCaseFollowsWordsDigitsAndAcronyms() {
    assertThat(Naming.snakeCase("DriverHourlyStats")).isEqualTo("driver_hourly_stats");
    assertThat(Naming.snakeCase("ModelV1")).isEqualTo("model_v1");
    assertThat(Naming.snakeCase("convRate")).isEqualTo("conv_rate");
    assertThat(Naming.snakeCase("HTTPRequestCount")).isEqualTo("http_request_count");
    assertThat(Naming.snakeCase("v2Score")).isEqualTo("v2_score");
    assertThat(Naming.snakeCase("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void camelCaseUndoesSnakeCaseAndAvoidsKeywords() {
    assertThat(Naming.camelCase("daily_miles_driven")).isEqualTo("dailyMilesDriven");
    assertThat(Naming.camelCase("hourly_stats__conv_rate")).isEqualTo("hourlyStatsConvRate");
    assertThat(Naming.camelCase("_private")).isEqualTo("private_");
    assertThat(Naming.camelCase("class")).isEqualTo("class_");
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
  void suggestionsFindLikelyTyposOnly() {
    assertThat(Suggestions.closest("conv_rat", List.of("conv_rate", "acc_rate")))
        .contains("conv_rate");
    assertThat(Suggestions.closest("Drivers", List.of("Driver", "Rider"))).contains("Driver");
    assertThat(Suggestions.closest("totally_different", List.of("conv_rate"))).isEmpty();
    assertThat(Suggestions.hint("x", List.of())).isEmpty();
  }
}
