package dev.freshet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import dev.freshet.spec.AggregationSpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.KafkaSourceSpec;
import dev.freshet.spec.MessageFieldSpec;
import dev.freshet.spec.StreamFeatureViewSpec;
import dev.freshet.spec.ValueType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The generated registry, loaded from the classes the compilation wrote, holds exactly the specs of
 * the definitions: every part a builder call sets (or leaves at its default) comes back.
 */
class GeneratedRegistryTest {
  private static final JoinKeySpec DRIVER_ID = new JoinKeySpec("driver_id", ValueType.INT64);

  @Test
  void everyPartOfEveryDefinitionComesBackFromTheGeneratedRegistry() throws Exception {
    Compilation compilation =
        new Fixtures()
            .put(
                "MappedSource",
                """
                @FileSource(
                    path = "data/mapped",
                    timestampField = "ts",
                    fieldMapping = @FieldMapping(column = "cr", feature = "conv_rate"),
                    description = "mapped",
                    tags = {@Tag(key = "team", value = "pricing"), @Tag(key = "production", value = "True")},
                    owner = "pricing@example.com")
                public interface MappedSource {}
                """)
            .put(
                "MappedPush",
                """
                @PushSource(batchSource = MappedSource.class)
                public interface MappedPush {}
                """)
            .put(
                "AvroEvents",
                """
                @KafkaSource(
                    topic = "cities",
                    format = MessageFormat.AVRO,
                    avroSchema = "{}",
                    timestampField = "ts",
                    timestampFormat = TimestampFormat.EPOCH_MILLIS,
                    watermarkDelay = "250ms",
                    batchSource = MappedSource.class)
                public interface AvroEvents {
                  long driverId();
                  Instant ts();
                  String city();
                  Double fare();
                }
                """)
            .put(
                "OfflineStats",
                """
                @FeatureView(
                    entities = Driver.class,
                    source = MappedSource.class,
                    ttl = "PT1.0000005S",
                    online = false,
                    schedule = "1h",
                    acceptsNonFinite = true)
                public interface OfflineStats {
                  float convRate();
                  Double maybe();
                }
                """)
            .put(
                "CityView",
                """
                @FeatureView(entities = Driver.class, source = MappedPush.class, ttl = "90m")
                public interface CityView {
                  String city();
                }
                """)
            .put(
                "CityStream",
                """
                @StreamFeatureView(source = AvroEvents.class, target = CityView.class)
                public interface CityStream {
                  String city();
                }
                """)
            .put(
                "Aliased",
                """
                @FeatureService(features = @Select(view = HourlyStats.class, features = "acc_rate", alias = "hourly"))
                public interface Aliased {}
                """)
            .compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, FeatureRegistry.JSON_RESOURCE)
        .contentsAsUtf8String()
        .contains("\"accepts_non_finite\": true");

    FeatureRegistry registry = Fixtures.registryOf(compilation);

    assertThat(registry.dataSource("mapped_source"))
        .contains(
            new FileSourceSpec(
                "mapped_source",
                "data/mapped",
                "ts",
                "",
                Map.of("cr", "conv_rate"),
                "mapped",
                Map.of("production", "True", "team", "pricing"),
                "pricing@example.com"));
    assertThat(registry.dataSource("avro_events"))
        .contains(
            new KafkaSourceSpec(
                "avro_events",
                "cities",
                MessageFormat.AVRO,
                "{}",
                "ts",
                TimestampFormat.EPOCH_MILLIS,
                Duration.ofMillis(250),
                "mapped_source",
                List.of(
                    new MessageFieldSpec("driver_id", ValueType.INT64, false),
                    new MessageFieldSpec("ts", ValueType.UNIX_TIMESTAMP, false),
                    new MessageFieldSpec("city", ValueType.STRING, false),
                    new MessageFieldSpec("fare", ValueType.DOUBLE, true)),
                "",
                Map.of(),
                ""));
    assertThat(registry.featureView("offline_stats"))
        .contains(
            new FeatureViewSpec(
                "offline_stats",
                List.of("driver"),
                List.of(DRIVER_ID),
                "mapped_source",
                Duration.ofSeconds(1, 500),
                false,
                List.of(
                    new FeatureSpec("conv_rate", ValueType.FLOAT, false),
                    new FeatureSpec("maybe", ValueType.DOUBLE, true)),
                "",
                Map.of(),
                "",
                "1h",
                true));
    assertThat(registry.featureView("city_view").orElseThrow().ttl())
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(registry.streamFeatureViews())
        .contains(
            new StreamFeatureViewSpec(
                "city_stream",
                "avro_events",
                "city_view",
                List.of(new AggregationSpec("city", null, "city", Duration.ZERO, Duration.ZERO)),
                "",
                Map.of(),
                ""));
    assertThat(registry.featureService("aliased"))
        .contains(
            new FeatureServiceSpec(
                "aliased",
                List.of(new FeatureSelectionSpec("hourly_stats", "hourly", List.of("acc_rate"))),
                "",
                Map.of(),
                ""));
  }

  @Test
  void aDigitRunStartsAWordUnlessItFollowsOneLetterAndExplicitNamesOverride() throws Exception {
    Compilation compilation =
        new Fixtures()
            .put(
                "Spend7dStats",
                """
                @FeatureView(entities = Driver.class, source = StatsSource.class)
                public interface Spend7dStats {
                  float spend7d();
                  double p99Latency();
                  @Name("top10") long top10Items();
                }
                """)
            .put(
                "Sha256View",
                """
                @FeatureView(name = "sha256", entities = Driver.class, source = StatsSource.class)
                public interface Sha256View {
                  String sha256Hash();
                }
                """)
            .compile();
    assertThat(compilation).succeededWithoutWarnings();

    FeatureRegistry registry = Fixtures.registryOf(compilation);
    assertThat(registry.featureView("spend_7d_stats").orElseThrow().features())
        .extracting(FeatureSpec::name)
        .containsExactly("spend_7d", "p99_latency", "top10");
    assertThat(registry.featureView("sha256").orElseThrow().features())
        .extracting(FeatureSpec::name)
        .containsExactly("sha_256_hash");
    // The generated accessors turn the names back into the methods' own.
    assertThat(generatedSource(compilation, "test/Spend7dStatsValues.java"))
        .contains("FeatureValue<Float> spend7d", "FeatureValue<Double> p99Latency")
        .contains("FeatureValue<Long> top10");
    assertThat(generatedSource(compilation, "test/Sha256ViewValues.java"))
        .contains("FeatureValue<String> sha256Hash");
  }

  @Test
  void theProjectIsTheLastSegmentOfTheRegistrysPackageWithoutTheOption() throws Exception {
    Compilation compilation = new Fixtures().compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Fixtures.registryOf(compilation).project()).isEqualTo("test");
  }

  @Test
  void theProjectOptionIsNormalisedToFeastsRule() throws Exception {
    Compilation compilation = new Fixtures().option("freshet.project", "My-Features").compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Fixtures.registryOf(compilation).project()).isEqualTo("my_features");
  }

  private static String generatedSource(Compilation compilation, String path) throws IOException {
    return compilation
        .generatedFile(StandardLocation.SOURCE_OUTPUT, path)
        .orElseThrow()
        .getCharContent(true)
        .toString();
  }
}
