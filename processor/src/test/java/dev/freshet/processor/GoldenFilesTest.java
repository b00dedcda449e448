package dev.freshet.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated sources of the fixture repository, compared as text with the files under {@code
 * src/test/resources/golden/}. After an intended change, regenerate them with {@code
 * FRESHET_REGENERATE_GOLDENS=true mvn -B test -pl processor -Dtest=GoldenFilesTest} and review the
 * diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean REGENERATE =
      "true".equals(System.getenv("FRESHET_REGENERATE_GOLDENS"));

  private static final Compilation COMPILATION = new Fixtures().compile();

  /** The fixture repository and a view of two entities, whose client takes a composite key. */
  private static final Compilation COMPOSITE_KEY =
      new Fixtures()
          .put(
              "Rider",
              """
              @Entity
              public interface Rider {
                String riderId();
              }
              """)
          .put(
              "TripStats",
              """
              @FeatureView(entities = {Driver.class, Rider.class}, source = StatsSource.class, ttl = "1d")
              public interface TripStats {
                double avgFare();
                List<String> recentCities();
              }
              """)
          .compile();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HourlyStatsRow",
        "HourlyStatsMaterializer",
        "HourlyStatsClient",
        "HourlyStatsValues",
        "ModelV1Client",
        "ModelV1TrainingRow",
        "FreshetRegistry"
      })
  void generatedSourceMatchesItsGoldenFile(String simpleName) throws IOException {
    JavaFileObject file = COMPILATION.generatedSourceFile("test." + simpleName).orElseThrow();
    compare(simpleName + ".java.txt", file.getCharContent(true).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"TripStatsClient", "TripStatsValues", "TripStatsTrainingRow"})
  void compositeKeySourceMatchesItsGoldenFile(String simpleName) throws IOException {
    CompilationSubject.assertThat(COMPOSITE_KEY).succeededWithoutWarnings();
    JavaFileObject file = COMPOSITE_KEY.generatedSourceFile("test." + simpleName).orElseThrow();
    compare(simpleName + ".java.txt", file.getCharContent(true).toString());
  }

  @Test
  void registryJsonMatchesItsGoldenFile() throws IOException {
    JavaFileObject file =
        COMPILATION
            .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/freshet/registry.json")
            .orElseThrow();
    compare("registry.json", file.getCharContent(true).toString());
  }

  private static void compare(String goldenName, String actual) throws IOException {
    Path golden = GOLDEN.resolve(goldenName);
    if (REGENERATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden)
        .as("golden file %s (see this class's javadoc to regenerate)", golden)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
