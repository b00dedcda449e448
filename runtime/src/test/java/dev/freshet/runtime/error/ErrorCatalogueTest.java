package dev.freshet.runtime.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue's ids are stable and unique, and docs/http-api.md lists exactly the catalogue. */
class ErrorCatalogueTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| (FRESHET-API-\\d{3}) \\| `(\\w+)` \\| (\\d{3}) \\| (.+) \\|$");

  @Test
  void idsAndNamesAreUniqueAndNumberedInOrder() {
    Set<String> names = new HashSet<>();
    for (ErrorKind kind : ErrorKind.values()) {
      assertThat(kind.id()).isEqualTo(String.format("FRESHET-API-%03d", kind.ordinal() + 1));
      assertThat(names.add(kind.error())).as(kind.error()).isTrue();
      assertThat(kind.status()).isBetween(400, 599);
    }
  }

  @Test
  void theApiDocsListEveryKindWithItsStatus() throws Exception {
    List<String> documented = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("..", "docs", "http-api.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        documented.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + " " + row.group(4));
      }
    }
    List<String> catalogue = new ArrayList<>();
    for (ErrorKind kind : ErrorKind.values()) {
      catalogue.add(kind.id() + " " + kind.error() + " " + kind.status() + " " + kind.meaning());
    }
    assertThat(documented).containsExactlyElementsOf(catalogue);
  }
}
