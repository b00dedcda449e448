package dev.freshet.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;
import dev.freshet.processor.data.SchemaReader;
import dev.freshet.spec.FeatureRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * A valid repository shaped like the reference scenario, one definition per file, so that a test
 * can replace one file with a broken variant and assert the one error it causes.
 */
final class Fixtures {
  private static final String HEADER =
      "package test;\n\nimport dev.freshet.annotations.*;\nimport java.time.Instant;\nimport java.util.List;\n\n";

  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, JavaFileObject> compiled = new LinkedHashMap<>();
  private final List<String> processorOptions = new ArrayList<>();
  private Optional<SchemaReader> schemaReader = Optional.empty();

  Fixtures() {
    put(
        "Driver",
        """
        @Entity(description = "driver id")
        public interface Driver {
          long driverId();
        }
        """);
    put(
        "StatsSource",
        """
        @FileSource(
            path = "data/driver_stats.parquet",
            timestampField = "event_timestamp",
            createdTimestampColumn = "created")
        public interface StatsSource {}
        """);
    put(
        "StatsPush",
        """
        @PushSource(batchSource = StatsSource.class)
        public interface StatsPush {}
        """);
    put(
        "Events",
        """
        @KafkaSource(
            topic = "drivers",
            timestampField = "event_timestamp",
            timestampFormat = TimestampFormat.DATE_TIME_UTC,
            batchSource = StatsSource.class)
        public interface Events {
          long driverId();
          Instant eventTimestamp();
          double milesDriven();
          String city();
        }
        """);
    put(
        "HourlyStats",
        """
        @FeatureView(
            entities = Driver.class,
            source = StatsSource.class,
            ttl = "8640000000s")
        public interface HourlyStats {
          float convRate();
          float accRate();
        }
        """);
    put(
        "DailyFeatures",
        """
        @FeatureView(
            entities = Driver.class,
            source = StatsPush.class,
            ttl = "1d")
        public interface DailyFeatures {
          float dailyMilesDriven();
          long trips();
        }
        """);
    put(
        "DailyMiles",
        """
        @StreamFeatureView(
            source = Events.class,
            target = DailyFeatures.class)
        public interface DailyMiles {
          @Aggregation(function = AggregationFunction.SUM, column = "miles_driven", window = "1d", slide = "1h")
          float dailyMilesDriven();

          @Aggregation(function = AggregationFunction.COUNT, column = "miles_driven", window = "1d", slide = "1h")
          long trips();
        }
        """);
    put(
        "ModelV1",
        """
        @FeatureService(
            features = @Select(view = HourlyStats.class, features = "conv_rate"))
        public interface ModelV1 {}
        """);
  }

  /** Sets the body (after package and imports) of {@code test.<name>}. */
  Fixtures put(String name, String body) {
    files.put(name, body);
    return this;
  }

  /** Gives the processor {@code -Aname=value} in every later compilation. */
  Fixtures option(String name, String value) {
    processorOptions.add("-A" + name + "=" + value);
    return this;
  }

  /**
   * Checks the definitions against the Parquet files under {@code repository}, read with {@code
   * reader}, in every later compilation.
   */
  Fixtures readingFiles(Path repository, SchemaReader reader) {
    schemaReader = Optional.of(reader);
    return option("freshet.repoPath", repository.toString());
  }

  Fixtures remove(String name) {
    files.remove(name);
    return this;
  }

  /** The source of {@code test.<name>} given to the last compilation. */
  JavaFileObject file(String name) {
    return compiled.get(name);
  }

  Compilation compile() {
    return compile("-Xlint:all,-processing", "-Werror");
  }

  /** Compiles without -Werror, for repositories that are expected to warn. */
  Compilation compileAllowingWarnings() {
    return compile("-Xlint:all,-processing");
  }

  /** Compiles with freshet-dsl but without freshet-client on the class path. */
  Compilation compileWithoutClient() {
    List<File> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!holds(new File(entry), "dev/freshet/client/FeatureTransport.class")) {
        classPath.add(new File(entry));
      }
    }
    return javac()
        .withProcessors(new FreshetProcessor(schemaReader))
        .withOptions(options("-Xlint:all,-processing", "-Werror"))
        .withClasspath(classPath)
        .compile(sources());
  }

  private static boolean holds(File classPathEntry, String resource) {
    if (classPathEntry.isDirectory()) {
      return new File(classPathEntry, resource).isFile();
    }
    try (JarFile jar = new JarFile(classPathEntry)) {
      return jar.getEntry(resource) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private Compilation compile(String... options) {
    return javac()
        .withProcessors(new FreshetProcessor(schemaReader))
        .withOptions(options(options))
        .compile(sources());
  }

  private List<String> options(String... javacOptions) {
    List<String> all = new ArrayList<>(List.of(javacOptions));
    all.addAll(processorOptions);
    return all;
  }

  /** The repository's sources, as the next compilation gets them. */
  java.util.Collection<JavaFileObject> sources() {
    compiled.clear();
    files.forEach(
        (name, body) ->
            compiled.put(name, JavaFileObjects.forSourceString("test." + name, HEADER + body)));
    return compiled.values();
  }

  /** Asserts that compiling succeeds without a warning. */
  void assertCompilesCleanly() {
    CompilationSubject.assertThat(compile()).succeededWithoutWarnings();
  }

  /** Asserts that compiling gives exactly one error, containing each fragment, on that line. */
  void assertOneError(String file, String lineContaining, String... fragments) {
    Compilation compilation = compile();
    CompilationSubject.assertThat(compilation).failed();
    CompilationSubject.assertThat(compilation).hadErrorCount(1);
    for (String fragment : fragments) {
      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(fragment)
          .inFile(file(file))
          .onLineContaining(lineContaining);
    }
  }

  /** Asserts that compiling succeeds with one warning, containing each fragment, on that line. */
  void assertOneWarning(String file, String lineContaining, String... fragments) {
    Compilation compilation = compileAllowingWarnings();
    CompilationSubject.assertThat(compilation).succeeded();
    CompilationSubject.assertThat(compilation).hadWarningCount(1);
    for (String fragment : fragments) {
      CompilationSubject.assertThat(compilation)
          .hadWarningContaining(fragment)
          .inFile(file(file))
          .onLineContaining(lineContaining);
    }
  }

  /** The registry class the compilation generated, loaded from its class output. */
  static FeatureRegistry registryOf(Compilation compilation) throws ReflectiveOperationException {
    ClassLoader loader =
        new ClassLoader(Fixtures.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            Optional<JavaFileObject> file =
                compilation.generatedFile(
                    StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class");
            if (file.isEmpty()) {
              throw new ClassNotFoundException(name);
            }
            try (InputStream in = file.get().openInputStream()) {
              byte[] bytes = in.readAllBytes();
              return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
        };
    return (FeatureRegistry)
        loader.loadClass("test.FreshetRegistry").getConstructor().newInstance();
  }
}
