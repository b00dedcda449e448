package dev.freshet.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.server.AccessRules.Access;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The {@code Authorization} header a token is accepted in: {@code Bearer}, its scheme name in any
 * case (RFC 9110 section 11.1), one space, then exactly the token; HTTP and gRPC both ask here.
 */
class AccessRulesTest {
  private static final AccessRules RULES = new AccessRules(config());

  private static ServingConfig config() {
    ServingConfig config = new ServingConfig();
    config.setReadToken("r-secret");
    config.setWriteToken("w-secret");
    config.setManagementToken("m-secret");
    return config;
  }

  @Test
  void theSchemeNameIsCaseInsensitive() {
    for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
      assertThat(RULES.check(Access.READ, "/get-online-features", scheme + " r-secret")).isNull();
      assertThat(RULES.check(Access.WRITE, "/push", scheme + " w-secret")).isNull();
      assertThat(RULES.check(Access.MANAGE, "/metrics", scheme + " m-secret")).isNull();
      assertThat(RULES.mayOperate(scheme + " m-secret")).isTrue();
    }
  }

  @Test
  void anythingElseIsRefused() {
    for (String header :
        Arrays.asList(
            null,
            "",
            "r-secret",
            "bearerr-secret",
            "Bearerr-secret",
            "Bearer  r-secret",
            "Bearer r-secret ",
            "Bearer R-SECRET",
            "Basic r-secret",
            "Bearer w-secret",
            "Bearer")) {
      assertThat(RULES.check(Access.READ, "/get-online-features", header))
          .as("%s", header)
          .extracting(AccessRules.Refusal::kind)
          .isEqualTo(ErrorKind.UNAUTHORIZED);
    }
    assertThat(RULES.mayOperate("bearer r-secret")).isFalse();
  }
}
