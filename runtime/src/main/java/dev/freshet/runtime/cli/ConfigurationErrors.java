package dev.freshet.runtime.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A configuration value Micronaut could not convert, said in one line that names the key, the value
 * and what it takes: {@code freshet.online-store.type is 'rdis'; expected embedded or redis}.
 * Micronaut buries it in a bean creation exception a hundred lines long.
 */
final class ConfigurationErrors {
  private static final Pattern UNCONVERTIBLE =
      Pattern.compile(
          "Error resolving property value \\[([^\\]]+)\\]\\. Unable to convert value \\[([^\\]]*)\\]"
              + " to target type \\[(\\w+)\\](?: due to: (.*))?",
          Pattern.DOTALL);
  private static final Pattern NO_ENUM_CONSTANT =
      Pattern.compile("No enum constant ([\\w.$]+)\\.[^.\\s]*");

  private ConfigurationErrors() {}

  /** The line for a conversion failure somewhere in {@code failure}'s causes, or null. */
  static String describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      Matcher matcher = UNCONVERTIBLE.matcher(String.valueOf(cause.getMessage()));
      if (matcher.find()) {
        return line(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
      }
    }
    return null;
  }

  private static String line(String key, String value, String type, String reason) {
    String head = key + " is '" + value + "'";
    Matcher noConstant = NO_ENUM_CONSTANT.matcher(String.valueOf(reason));
    if (noConstant.find()) {
      String accepted = accepted(noConstant.group(1));
      if (accepted != null) {
        return head + "; expected " + accepted;
      }
    }
    return switch (type) {
      case "Duration" -> head + ", which is not a duration; write e.g. 100ms, 30s, 5m, 1h or PT1M";
      case "Instant" ->
          head + ", which is not a time; write ISO-8601 in UTC, e.g. 2000-01-01T00:00:00Z";
      case "Integer", "int", "Long", "long", "Short", "short" ->
          head + ", which is not a whole number";
      case "Double", "double", "Float", "float" -> head + ", which is not a number";
      case "Boolean", "boolean" -> head + "; expected true or false";
      default -> head + ", which cannot be read as " + type;
    };
  }

  /** The constants of the enum named in Micronaut's message, lower-cased as users write them. */
  private static String accepted(String enumName) {
    for (String binaryName : new String[] {enumName, enumName.replaceAll("\\.(\\w+)$", "\\$$1")}) {
      try {
        Class<?> type =
            Class.forName(binaryName, false, ConfigurationErrors.class.getClassLoader());
        if (type.isEnum()) {
          String[] names =
              Arrays.stream(type.getEnumConstants())
                  .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                  .toArray(String[]::new);
          return names.length == 1
              ? names[0]
              : Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", "))
                  + " or "
                  + names[names.length - 1];
        }
      } catch (ClassNotFoundException e) {
        // not this spelling of the name: try the other
      }
    }
    return null;
  }
}
