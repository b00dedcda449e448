package dev.freshet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Valid repositories compile without warnings, generated code included, under -Xlint:all -Werror.
 */
class ValidRepositoryTest {

  @Test
  void theReferenceShapeCompilesCleanlyAndGeneratesEveryArtifact() {
    Compilation compilation = new Fixtures().compile();

    assertThat(compilation).succeededWithoutWarnings();
    for (String generated :
        new String[] {
          "HourlyStatsRow",
          "HourlyStatsMaterializer",
          "HourlyStatsClient",
          "HourlyStatsValues",
          "DailyFeaturesRow",
          "DailyFeaturesMaterializer",
          "ModelV1Client",
          "ModelV1Values",
          "FreshetRegistry"
        }) {
      assertThat(compilation).generatedSourceFile("test." + generated);
    }
    assertThat(compilation)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.freshet.spec.FeatureRegistry")
        .contentsAsUtf8String()
        .isEqualTo("test.FreshetRegistry\n");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/freshet/registry.json")
        .contentsAsUtf8String()
        .contains("\"name\": \"daily_miles\"");
  }

  @Test
  void withoutFreshetClientOnTheClassPathEverythingButTheClientsIsGenerated() {
    Compilation compilation = new Fixtures().compileWithoutClient();

    assertThat(compilation).succeededWithoutWarnings();
    for (String generated :
        new String[] {"HourlyStatsRow", "HourlyStatsMaterializer", "FreshetRegistry"}) {
      assertThat(compilation).generatedSourceFile("test." + generated);
    }
    for (String client :
        new String[] {
          "HourlyStatsClient", "HourlyStatsValues", "ModelV1Client", "ModelV1TrainingRow"
        }) {
      assertThat(compilation.generatedSourceFile("test." + client)).isEmpty();
    }
  }

  @Test
  void everyValueTypeNullabilityAndACompositeKeyCompileCleanly() {
    Fixtures fixtures =
        new Fixtures()
            .put(
                "Customer",
                """
                @Entity
                public interface Customer {
                  String customerId();
                  int region();
                }
                """)
            .put(
                "Wide",
                """
                @FeatureView(entities = {Driver.class, Customer.class}, source = StatsSource.class)
                public interface Wide {
                  int anInt();
                  Long aBoxedLong();
                  double aDouble();
                  boolean aBoolean();
                  String aString();
                  byte[] someBytes();
                  Instant anInstant();
                  List<Float> floats();
                  List<String> strings();
                  List<byte[]> byteLists();
                  List<Instant> instants();
                  @Nullable String maybe();
                  @Name("renamed_feature") float renamed();
                  @interface Nullable {}
                }
                """)
            .put(
                "WideService",
                """
                @FeatureService(features = {
                    @Select(view = Wide.class),
                    @Select(view = HourlyStats.class, features = {"acc_rate", "conv_rate"}, alias = "hourly")})
                public interface WideService {}
                """);

    Compilation compilation = fixtures.compile();

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(source(compilation, "test.WideServiceClient"))
        .contains("public WideServiceValues get(long driverId, String customerId, int region)")
        .contains("public List<WideServiceValues> getAll(List<Key> keys)")
        .contains("public record Key(long driverId, String customerId, int region)");
    assertThat(source(compilation, "test.WideMaterializer"))
        .contains("record.isNull(6) ? null : record.getLong(6)")
        .contains("record.getList(12, Float.class)")
        .contains("record.isNull(16) ? null : record.getString(16)")
        .contains("\"renamed_feature\"");
  }

  @Test
  void twoViewsWithTheSameFeatureNameGetAccessorsNamedByView() {
    Fixtures fixtures =
        new Fixtures()
            .put(
                "OtherStats",
                """
                @FeatureView(entities = Driver.class, source = StatsSource.class)
                public interface OtherStats {
                  float convRate();
                }
                """)
            .put(
                "Both",
                """
                @FeatureService(features = {@Select(view = HourlyStats.class), @Select(view = OtherStats.class)})
                public interface Both {}
                """);

    Compilation compilation = fixtures.compileAllowingWarnings();

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[FRESHET-FS-W02]");
    assertThat(source(compilation, "test.BothValues"))
        .contains("FeatureValue<Float> hourlyStatsConvRate")
        .contains("FeatureValue<Float> accRate")
        .contains("FeatureValue<Float> otherStatsConvRate");
  }

  @Test
  void aClassThatDoesNotCompileGivesOnlyJavacsError() {
    Compilation compilation =
        new Fixtures()
            .put(
                "HourlyStats",
                """
                @FeatureView(entities = Drvier.class, source = StatsSource.class)
                public interface HourlyStats {
                  float convRate();
                  float accRate();
                }
                """)
            .compile();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  static String source(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName).orElseThrow();
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
