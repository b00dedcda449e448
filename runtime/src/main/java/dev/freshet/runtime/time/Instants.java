package dev.freshet.runtime.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses a time as users write it: ISO-8601 with an offset or {@code Z}, ISO-8601 without one (UTC,
 * as Feast reads naive times), {@code "2021-04-12 10:59:42"} with an optional fraction, or a date
 * (its start, UTC).
 */
public final class Instants {
  /** What a user may write, for error messages. */
  public static final String SYNTAX =
      "ISO-8601 such as 2022-03-14T14:00:00Z or 2022-03-14T16:00:00+02:00, a time without offset"
          + " (UTC) such as 2022-03-14 14:00:00, or a date such as 2022-03-14";

  private Instants() {}

  /**
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Instant parse(String text) {
    String trimmed = text.trim();
    String iso =
        trimmed.length() > 10 && trimmed.charAt(10) == ' '
            ? trimmed.substring(0, 10) + "T" + trimmed.substring(11)
            : trimmed;
    try {
      if (iso.length() == 10) {
        return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(iso.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a time; write " + SYNTAX);
    }
  }
}
