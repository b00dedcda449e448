package dev.freshet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Rules every definition follows, one failing definition per rule. */
class DefinitionRulesTest {

  @Test
  void aDefinitionOnAClassIsAnError() {
    new Fixtures()
        .put(
            "Driver",
            """
            @Entity(description = "driver id")
            public abstract class Driver {
              abstract long driverId();
            }
            """)
        .assertOneError(
            "Driver",
            "public abstract class Driver",
            "[FRESHET-DEF-001] @Entity goes on an interface, but Driver is a class; declare it as `interface Driver`");
  }

  @Test
  void twoDefinitionAnnotationsOnOneInterfaceIsAnError() {
    new Fixtures()
        .put(
            "Driver",
            """
            @Entity(description = "driver id")
            @FileSource(path = "x.parquet")
            public interface Driver {
              long driverId();
            }
            """)
        .assertOneError(
            "Driver",
            "public interface Driver",
            "[FRESHET-DEF-002] Driver carries @Entity and @FileSource");
  }

  @Test
  void aProjectOptionWithoutALetterOrDigitIsAnError() {
    Compilation compilation = new Fixtures().option("freshet.project", "--").compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[FRESHET-DEF-010] the option -Afreshet.project=-- gives no project name; a project"
                + " name is lower-case letters, digits and underscores, e.g."
                + " -Afreshet.project=driver_churn, or leave the option out to name the project"
                + " after the definitions' package");
  }

  @Test
  void twoFeatureViewsWithOneNameIsAnError() {
    new Fixtures()
        .put(
            "Copy",
            """
            @FeatureView(
                name = "hourly_stats",
                entities = Driver.class,
                source = StatsSource.class)
            public interface Copy {
              float convRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "@FeatureView(",
            "[FRESHET-DEF-003] feature view name 'hourly_stats' is already taken by feature view test.Copy;"
                + " names must be unique among feature views");
  }

  @Test
  void aStreamViewCannotTakeAFeatureViewsName() {
    new Fixtures()
        .put(
            "DailyMiles",
            """
            @StreamFeatureView(
                name = "hourly_stats",
                source = Events.class,
                target = DailyFeatures.class)
            public interface DailyMiles {
              @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d", slide = "1h")
              float dailyMilesDriven();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "@FeatureView(",
            "[FRESHET-DEF-003]",
            "already taken by stream feature view test.DailyMiles");
  }

  @Test
  void aNameWithASpaceIsAnError() {
    new Fixtures()
        .put(
            "ModelV1",
            """
            @FeatureService(
                name = "model v1",
                features = @Select(view = HourlyStats.class))
            public interface ModelV1 {}
            """)
        .assertOneError(
            "ModelV1",
            "@FeatureService(",
            "[FRESHET-DEF-004] 'model v1' is not a valid feature service name: use letters, digits and underscores");
  }

  @Test
  void aMemberWithParametersIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class)
            public interface HourlyStats {
              float convRate(int hour);
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "float convRate(int hour);",
            "[FRESHET-DEF-005] convRate() takes parameters");
  }

  @Test
  void twoFeaturesWithOneNameIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class)
            public interface HourlyStats {
              float convRate();
              @Name("conv_rate") double conversion();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "double conversion();",
            "[FRESHET-DEF-006] feature view 'hourly_stats' declares feature 'conv_rate' twice (convRate() and"
                + " conversion())");
  }

  @Test
  void aTtlWithoutAUnitIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(
                entities = Driver.class,
                source = StatsSource.class,
                ttl = "8640000000")
            public interface HourlyStats {
              float convRate();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "ttl = \"8640000000\"",
            "[FRESHET-DEF-007] ttl '8640000000' of feature view 'hourly_stats' is not a duration: write a whole"
                + " number with a unit");
  }

  @Test
  void aFeatureTypeWithoutAValueTypeIsAnError() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class)
            public interface HourlyStats {
              float convRate();
              java.util.Map<String, String> attributes();
              float accRate();
            }
            """)
        .assertOneError(
            "HourlyStats",
            "attributes();",
            "[FRESHET-DEF-008] feature 'attributes' of feature view 'hourly_stats' has type"
                + " java.util.Map<java.lang.String,java.lang.String>, which has no value type; use int, long");
  }

  @Test
  void aListOfListsHasNoValueType() {
    new Fixtures()
        .put(
            "HourlyStats",
            """
            @FeatureView(entities = Driver.class, source = StatsSource.class)
            public interface HourlyStats {
              float convRate();
              float accRate();
              List<List<Long>> nested();
            }
            """)
        .assertOneError("HourlyStats", "nested();", "[FRESHET-DEF-008] feature 'nested'");
  }

  /** A processor that writes a definition in the first round, as a code generator might. */
  @javax.annotation.processing.SupportedAnnotationTypes("*")
  static final class GeneratesADefinition extends javax.annotation.processing.AbstractProcessor {
    private boolean done;

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(
        java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      if (!done) {
        done = true;
        try (java.io.Writer out =
            processingEnv.getFiler().createSourceFile("test.Late").openWriter()) {
          out.write(
              "package test;\n@dev.freshet.annotations.Entity public interface Late { long lateId(); }\n");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aDefinitionGeneratedInALaterRoundIsAnError() {
    Fixtures fixtures = new Fixtures();
    com.google.testing.compile.Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new FreshetProcessor(), new GeneratesADefinition())
            .compile(fixtures.sources());
    com.google.testing.compile.CompilationSubject.assertThat(compilation).hadErrorCount(1);
    com.google.testing.compile.CompilationSubject.assertThat(compilation)
        .hadErrorContaining(
            "[FRESHET-DEF-009] Late was generated by another annotation processor after Freshet processed the"
                + " repository; write definitions by hand");
  }
}
