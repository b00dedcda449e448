package dev.freshet.processor.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RepositoryRootTest {

  @Test
  void mavensClassOutputIsInTheModulesTargetDirectory() {
    assertThat(RepositoryRoot.fromClassOutput(URI.create("file:/work/repo/target/classes/x")))
        .contains(Path.of("/work/repo"));
    assertThat(RepositoryRoot.fromClassOutput(URI.create("file:/work/repo/target/test-classes/x")))
        .contains(Path.of("/work/repo"));
  }

  @Test
  void anyOtherClassOutputGivesNoRoot() {
    assertThat(RepositoryRoot.fromClassOutput(URI.create("file:/work/repo/out/x"))).isEmpty();
    assertThat(RepositoryRoot.fromClassOutput(URI.create("file:/work/repo/build/classes/x")))
        .isEmpty();
    assertThat(RepositoryRoot.fromClassOutput(URI.create("mem:///CLASS_OUTPUT/x"))).isEmpty();
  }

  @Test
  void theOptionWins() {
    assertThat(RepositoryRoot.find("/srv/features", null)).contains(Path.of("/srv/features"));
  }
}
