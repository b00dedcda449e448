package dev.freshet.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The runtime's floors (docs/architecture.md): no package cycles; the server process on top, which
 * no job below it imports; the jobs below it free of HTTP; configuration, time and the error
 * catalogue at the bottom.
 */
class ArchitectureTest {
  private static final JavaClasses RUNTIME =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.freshet.runtime");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.freshet.runtime.(**)").should().beFreeOfCycles().check(RUNTIME);
  }

  @Test
  void onlyTheCommandLineStartsTheServer() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.freshet.runtime.server..", "dev.freshet.runtime.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.freshet.runtime.server..")
        .check(RUNTIME);
  }

  @Test
  void theJobsBelowTheServerKnowNothingOfHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.freshet.runtime.server..", "dev.freshet.runtime.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micronaut.http..", "io.netty..")
        .check(RUNTIME);
  }

  @Test
  void configurationTimeAndErrorsAreTheGround() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.freshet.runtime.config..",
            "dev.freshet.runtime.time..",
            "dev.freshet.runtime.error..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.freshet.runtime.cli..",
            "dev.freshet.runtime.server..",
            "dev.freshet.runtime.serving..",
            "dev.freshet.runtime.push..",
            "dev.freshet.runtime.historical..",
            "dev.freshet.runtime.materialize..",
            "dev.freshet.runtime.streaming..",
            "dev.freshet.runtime.scheduling..",
            "dev.freshet.runtime.registry..",
            "dev.freshet.runtime.online..",
            "dev.freshet.runtime.offline..",
            "dev.freshet.runtime.logging..",
            "dev.freshet.runtime.json..")
        .check(RUNTIME);
  }
}
