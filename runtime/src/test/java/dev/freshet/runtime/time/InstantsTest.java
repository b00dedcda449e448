package dev.freshet.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantsTest {
  private static final Instant AT = Instant.parse("2022-03-14T14:00:00Z");

  @Test
  void readsEveryFormUsersWrite() {
    assertThat(Instants.parse("2022-03-14T14:00:00Z")).isEqualTo(AT);
    assertThat(Instants.parse("2022-03-14T16:00:00+02:00")).isEqualTo(AT);
    assertThat(Instants.parse("2022-03-14T16:00:00+0200")).isEqualTo(AT);
    assertThat(Instants.parse("2022-03-14T14:00:00")).isEqualTo(AT);
    assertThat(Instants.parse("2022-03-14 14:00:00")).isEqualTo(AT);
    assertThat(Instants.parse("2022-05-18 16:22:34.060287+00:00"))
        .isEqualTo(Instant.parse("2022-05-18T16:22:34.060287Z"));
    assertThat(Instants.parse("2022-03-14")).isEqualTo(Instant.parse("2022-03-14T00:00:00Z"));
  }

  @Test
  void anythingElseIsAClearError() {
    assertThatThrownBy(() -> Instants.parse("yesterday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'yesterday' is not a time; write ISO-8601");
    assertThatThrownBy(() -> Instants.parse("2022-13-01"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
