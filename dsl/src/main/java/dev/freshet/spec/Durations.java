package dev.freshet.spec;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as definitions write them: {@code "0"}, a whole number with a unit ({@code "250ms"},
 * {@code "30s"}, {@code "5m"}, {@code "2h"}, {@code "1d"}, {@code "1w"}), or ISO-8601 ({@code
 * "PT1H30M"}).
 */
public final class Durations {
  private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

  /** What a user may write, for error messages. */
  public static final String SYNTAX =
      "a whole number with a unit (ms, s, m, h, d, w), e.g. \"30s\", \"1h\", \"1d\", or ISO-8601"
          + " like \"PT1H\"";

  private Durations() {}

  /** Parses {@code text}, or returns empty when it is not a non-negative duration. */
  public static Optional<Duration> parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher matcher = WITH_UNIT.matcher(trimmed);
    try {
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(
            switch (matcher.group(2)) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              case "d" -> Duration.ofDays(amount);
              default -> Duration.ofDays(Math.multiplyExact(amount, 7));
            });
      }
      Duration iso = Duration.parse(trimmed);
      return iso.isNegative() ? Optional.empty() : Optional.of(iso);
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Writes {@code duration} in the largest unit that divides it: {@code "1d"}, {@code "90m"}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0";
    }
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    long[] sizes = {604_800, 86_400, 3_600, 60};
    String[] units = {"w", "d", "h", "m"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds % sizes[i] == 0) {
        return seconds / sizes[i] + units[i];
      }
    }
    return seconds + "s";
  }
}
