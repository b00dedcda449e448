package dev.freshet.runtime.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.error.ErrorKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/grpc-api.md lists every error kind with the gRPC code it is answered with. */
class GrpcStatusesTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| (FRESHET-API-\\d{3}) \\| `(\\w+)` \\| (\\d{3}) \\| `(\\w+)`.* \\|$");

  @Test
  void theGrpcDocsListEveryKindWithItsCode() throws Exception {
    List<String> documented = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("..", "docs", "grpc-api.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        documented.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + " " + row.group(4));
      }
    }
    List<String> mapped = new ArrayList<>();
    for (ErrorKind kind : ErrorKind.values()) {
      mapped.add(
          kind.id() + " " + kind.error() + " " + kind.status() + " " + GrpcStatuses.code(kind));
    }
    assertThat(documented).containsExactlyElementsOf(mapped);
  }

  @Test
  void aFaultIsInternalWithTheFaultMessageAndNoStackTrace() {
    StatusRuntimeException answer =
        GrpcStatuses.of(new IllegalStateException("secret detail"), "test/Method");

    assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(answer.getStatus().getDescription())
        .isEqualTo("the server failed on this request; its log says why");
    assertThat(answer.getStatus().getCause()).isNull();
    assertThat(answer.getTrailers().get(GrpcStatuses.ERROR_CODE)).isEqualTo("FRESHET-API-018");
    assertThat(answer.getTrailers().get(GrpcStatuses.ERROR)).isEqualTo("InternalError");
  }
}
