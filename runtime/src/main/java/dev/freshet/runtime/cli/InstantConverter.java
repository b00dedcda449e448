package dev.freshet.runtime.cli;

import dev.freshet.runtime.time.Instants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads START and END arguments as {@link Instants} does, and {@code now} as the current second.
 */
public class InstantConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    if (value.equalsIgnoreCase("now")) {
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return Instants.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
