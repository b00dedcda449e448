package dev.freshet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.RequestSourceSpec;
import dev.freshet.spec.ValueType;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** {@code @RequestSource} and {@code @OnDemandFeatureView}: what is generated, and each rule. */
class OnDemandViewRulesTest {
  private static final String VALS_TO_ADD =
      """
      @RequestSource
      public interface ValsToAdd {
        double valToAdd();
        @Nullable Double valToAdd2();
      }
      """;

  private static final String TRANSFORMED =
      """
      @OnDemandFeatureView(description = "conv_rate adjusted by the request")
      public record TransformedConvRate(
          @Name("conv_rate_plus_val1") double convRatePlusVal1, @Nullable Double convRatePlusVal2) {
        static TransformedConvRate transform(HourlyStats stats, ValsToAdd request) {
          return new TransformedConvRate(
              stats.convRate() + request.valToAdd(),
              request.valToAdd2() == null ? null : stats.accRate() + request.valToAdd2());
        }
      }
      """;

  private static Fixtures withOnDemandView(String body) {
    return new Fixtures()
        .put("Nullable", "public @interface Nullable {}\n")
        .put("ValsToAdd", VALS_TO_ADD)
        .put("TransformedConvRate", body);
  }

  @Test
  void theGeneratedTransformCallsTheMethodWithTheInputsValues() throws Exception {
    Compilation compilation = withOnDemandView(TRANSFORMED).compile();
    assertThat(compilation).succeededWithoutWarnings();
    FeatureRegistry registry = Fixtures.registryOf(compilation);

    assertThat(registry.dataSource("vals_to_add"))
        .contains(
            RequestSourceSpec.builder("vals_to_add")
                .field("val_to_add", ValueType.DOUBLE)
                .nullableField("val_to_add_2", ValueType.DOUBLE)
                .build());
    OnDemandFeatureViewSpec view =
        registry.onDemandFeatureView("transformed_conv_rate").orElseThrow();
    assertThat(view.inputs())
        .containsExactly(
            new OnDemandFeatureViewSpec.Input("hourly_stats", false),
            new OnDemandFeatureViewSpec.Input("vals_to_add", true));
    assertThat(view.features())
        .containsExactly(
            new FeatureSpec("conv_rate_plus_val1", ValueType.DOUBLE, false),
            new FeatureSpec("conv_rate_plus_val_2", ValueType.DOUBLE, true));
    assertThat(view.description()).isEqualTo("conv_rate adjusted by the request");

    // hourly_stats' conv_rate and acc_rate, then the request's two values.
    float convRate = 0.4045884609222412f;
    float accRate = 0.25f;
    assertThat(view.transform().apply(List.of(List.of(convRate, accRate), List.of(1.5, 2.0))))
        .containsExactly((double) convRate + 1.5, (double) accRate + 2.0);
    assertThat(
            view.transform()
                .apply(List.of(List.of(convRate, accRate), java.util.Arrays.asList(1.5, null))))
        .containsExactly((double) convRate + 1.5, null);

    String json =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, FeatureRegistry.JSON_RESOURCE)
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(json.replaceAll("\\s", ""))
        .contains(
            "\"on_demand_feature_views\":[{\"name\":\"transformed_conv_rate\",\"inputs\":"
                + "[{\"name\":\"hourly_stats\",\"kind\":\"feature_view\"},"
                + "{\"name\":\"vals_to_add\",\"kind\":\"request_source\"}]");
  }

  @Test
  void aServiceSelectsAnOnDemandViewsFeaturesAndItsClientTakesTheRequestValues() throws Exception {
    Compilation compilation =
        withOnDemandView(TRANSFORMED)
            .put(
                "ModelV3",
                """
                @FeatureService(
                    features = {
                      @Select(view = HourlyStats.class, features = "conv_rate"),
                      @Select(view = TransformedConvRate.class, features = "conv_rate_plus_val1")
                    })
                public interface ModelV3 {}
                """)
            .compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(
            Fixtures.registryOf(compilation).featureService("model_v3").orElseThrow().selections())
        .containsExactly(
            new FeatureSelectionSpec("hourly_stats", "", List.of("conv_rate")),
            new FeatureSelectionSpec("transformed_conv_rate", "", List.of("conv_rate_plus_val1")));
    // Each entity row is the join key and the request source's fields, typed as declared.
    String client =
        compilation
            .generatedSourceFile("test.ModelV3Client")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(client)
        .contains("public ModelV3Values get(long driverId, double valToAdd, Double valToAdd2)")
        .contains("public List<ModelV3Values> getAll(List<Row> rows)")
        .contains("public record Row(long driverId, double valToAdd, Double valToAdd2)")
        .contains("entities.put(\"val_to_add_2\", valToAdd2);");
  }

  @Test
  void aRequestFieldNamedAsAJoinKeyOfAnotherTypeIsAnErrorOnTheService() {
    withOnDemandView(TRANSFORMED)
        .put(
            "Trip",
            """
            @RequestSource
            public interface Trip {
              String driverId();
            }
            """)
        .put(
            "TripRate",
            """
            @OnDemandFeatureView
            public record TripRate(double tripRate) {
              static TripRate transform(HourlyStats stats, Trip trip) {
                return new TripRate(stats.convRate() * trip.driverId().length());
              }
            }
            """)
        .put(
            "ModelV4",
            """
            @FeatureService(features = @Select(view = TripRate.class))
            public interface ModelV4 {}
            """)
        .assertOneError(
            "ModelV4",
            "features = @Select(view = TripRate.class)",
            "[FRESHET-FS-006] feature service 'model_v4' selects on-demand feature view"
                + " 'trip_rate', which takes request field 'driver_id' as STRING, but its callers"
                + " send entities.driver_id as a join key (INT64) too");
  }

  @Test
  void aServiceSelectingAnUnknownFeatureOfAnOnDemandViewIsAnError() {
    withOnDemandView(TRANSFORMED)
        .put(
            "ModelV3",
            """
            @FeatureService(
                features = @Select(view = TransformedConvRate.class, features = "conv_rate_plus"))
            public interface ModelV3 {}
            """)
        .assertOneError(
            "ModelV3",
            "features = @Select(view = TransformedConvRate.class, features = \"conv_rate_plus\")",
            "[FRESHET-FS-003] on-demand feature view 'transformed_conv_rate' has no feature"
                + " 'conv_rate_plus'");
  }

  @Test
  void aRepositoryWithoutThemDescribesItselfAsBefore() throws Exception {
    String json =
        new Fixtures()
            .compile()
            .generatedFile(StandardLocation.CLASS_OUTPUT, FeatureRegistry.JSON_RESOURCE)
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(json).doesNotContain("on_demand");
  }

  @Test
  void anInterfaceIsAnErrorNamingTheRecordToWrite() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public interface TransformedConvRate {
              double convRatePlusVal1();
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "public interface TransformedConvRate",
            "[FRESHET-ODV-001] @OnDemandFeatureView goes on a record whose components are its"
                + " features, but TransformedConvRate is a interface");
  }

  @Test
  void aRecordWithoutATransformIsAnError() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRatePlusVal1) {}
            """)
        .assertOneError(
            "TransformedConvRate",
            "@OnDemandFeatureView",
            "[FRESHET-ODV-002] on-demand feature view 'transformed_conv_rate' has no transform");
  }

  @Test
  void twoTransformsAreAnError() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRatePlusVal1) {
              static TransformedConvRate transform(HourlyStats stats) {
                return new TransformedConvRate(stats.convRate());
              }
              static TransformedConvRate other(HourlyStats stats) {
                return new TransformedConvRate(stats.accRate());
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "static TransformedConvRate other",
            "[FRESHET-ODV-003] on-demand feature view 'transformed_conv_rate' has 2 static methods"
                + " that return TransformedConvRate (transform(), other())");
  }

  @Test
  void anInputThatIsNotAViewNorARequestSourceIsAnErrorOnTheParameter() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRatePlusVal1) {
              static TransformedConvRate transform(HourlyStats stats, Driver driver) {
                return new TransformedConvRate(stats.convRate());
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "Driver driver",
            "[FRESHET-ODV-004] parameter 'driver' of on-demand feature view"
                + " 'transformed_conv_rate''s transform has type test.Driver, which is neither");
  }

  @Test
  void anotherOnDemandViewAsAnInputIsAnErrorSoThatThereIsNoCycle() {
    withOnDemandView(TRANSFORMED)
        .put(
            "Twice",
            """
            @OnDemandFeatureView
            public record Twice(double twice) {
              static Twice transform(HourlyStats stats, TransformedConvRate transformed) {
                return new Twice(2 * transformed.convRatePlusVal1());
              }
            }
            """)
        .assertOneError(
            "Twice",
            "TransformedConvRate transformed",
            "another on-demand view: compute both in one transform");
  }

  @Test
  void aStreamViewAsAnInputPointsAtItsTarget() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRatePlusVal1) {
              static TransformedConvRate transform(DailyMiles miles) {
                return new TransformedConvRate(miles.dailyMilesDriven());
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "DailyMiles miles",
            "a @StreamFeatureView: read the view it writes to, DailyFeatures");
  }

  @Test
  void anInputTwiceIsAnError() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRatePlusVal1) {
              static TransformedConvRate transform(HourlyStats stats, HourlyStats again) {
                return new TransformedConvRate(stats.convRate() + again.accRate());
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "HourlyStats again",
            "[FRESHET-ODV-005] on-demand feature view 'transformed_conv_rate''s transform reads"
                + " feature view 'hourly_stats' twice (parameter 'again')");
  }

  @Test
  void aWriteTimeViewReadingARequestSourceIsAnErrorOnTheParameter() {
    withOnDemandView(
            """
            @OnDemandFeatureView(writeToOnlineStore = true)
            public record TransformedConvRate(double convRatePlusVal1) {
              static TransformedConvRate transform(HourlyStats stats, ValsToAdd request) {
                return new TransformedConvRate(stats.convRate() + request.valToAdd());
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "ValsToAdd request",
            "[FRESHET-ODV-012] on-demand feature view 'transformed_conv_rate' has"
                + " writeToOnlineStore = true but also reads request source 'vals_to_add': no"
                + " request is at hand when rows are written");
  }

  @Test
  void aWriteTimeViewIsMarkedInItsSpecAndRegistryJson() throws Exception {
    Compilation compilation =
        withOnDemandView(
                """
                @OnDemandFeatureView(writeToOnlineStore = true)
                public record TransformedConvRate(double convRateTimesTwo) {
                  static TransformedConvRate transform(HourlyStats stats) {
                    return new TransformedConvRate(stats.convRate() * 2);
                  }
                }
                """)
            .compile();
    assertThat(compilation).succeededWithoutWarnings();
    OnDemandFeatureViewSpec view =
        Fixtures.registryOf(compilation).onDemandFeatureView("transformed_conv_rate").orElseThrow();
    assertThat(view.writeToOnlineStore()).isTrue();
    assertThat(
            compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, FeatureRegistry.JSON_RESOURCE)
                .orElseThrow()
                .getCharContent(true)
                .toString())
        .contains("\"write_to_online_store\": true");
  }

  @Test
  void onlyRequestInputsIsAnError() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRatePlusVal1) {
              static TransformedConvRate transform(ValsToAdd request) {
                return new TransformedConvRate(request.valToAdd());
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "static TransformedConvRate transform",
            "[FRESHET-ODV-006] on-demand feature view 'transformed_conv_rate''s transform reads no"
                + " @FeatureView");
  }

  @Test
  void anOutputNamedAsAnInputsFeatureIsAnError() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRate) {
              static TransformedConvRate transform(HourlyStats stats) {
                return new TransformedConvRate(stats.convRate());
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "public record TransformedConvRate(double convRate)",
            "[FRESHET-ODV-007] feature 'conv_rate' of on-demand feature view"
                + " 'transformed_conv_rate' has the name of a feature or field of its input"
                + " feature view 'hourly_stats'");
  }

  @Test
  void aPrivateTransformIsAnError() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRatePlusVal1) {
              private static TransformedConvRate transform(HourlyStats stats) {
                return new TransformedConvRate(stats.convRate());
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "private static TransformedConvRate transform",
            "[FRESHET-ODV-008] transform transform() of on-demand feature view"
                + " 'transformed_conv_rate' is private");
  }

  @Test
  void aViewWithANullablePrimitiveCannotBeAnInput() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate(double convRatePlusVal1) {
              static TransformedConvRate transform(Odd odd) {
                return new TransformedConvRate(odd.convRate());
              }
            }
            """)
        .put(
            "Odd",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class)
            public interface Odd {
              @Nullable float convRate();
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "Odd odd",
            "[FRESHET-ODV-009] on-demand feature view 'transformed_conv_rate' reads feature view"
                + " 'odd', whose convRate() is a @Nullable float");
  }

  @Test
  void aRequestSourceWithoutFieldsIsAnError() {
    withOnDemandView(TRANSFORMED)
        .put(
            "Empty",
            """
            @RequestSource
            public interface Empty {}
            """)
        .assertOneError(
            "Empty",
            "@RequestSource",
            "[FRESHET-ODV-010] request source 'empty' declares no fields");
  }

  @Test
  void aNullablePrimitiveRequestFieldIsAnError() {
    withOnDemandView(TRANSFORMED)
        .put(
            "ValsToAdd",
            """
            @RequestSource
            public interface ValsToAdd {
              @Nullable double valToAdd();
              @Nullable Double valToAdd2();
            }
            """)
        .assertOneError(
            "ValsToAdd",
            "@Nullable double valToAdd();",
            "[FRESHET-ODV-013] request source 'vals_to_add' declares valToAdd() a @Nullable double");
  }

  @Test
  void aRecordWithoutComponentsIsAnError() {
    withOnDemandView(
            """
            @OnDemandFeatureView
            public record TransformedConvRate() {
              static TransformedConvRate transform(HourlyStats stats) {
                return new TransformedConvRate();
              }
            }
            """)
        .assertOneError(
            "TransformedConvRate",
            "@OnDemandFeatureView",
            "[FRESHET-ODV-011] on-demand feature view 'transformed_conv_rate' has no components");
  }
}
