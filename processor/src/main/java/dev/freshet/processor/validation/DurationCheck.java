package dev.freshet.processor.validation;

import dev.freshet.processor.base.AnnotationReader;
import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.model.Definition;
import dev.freshet.spec.Durations;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Parses a duration attribute, reporting it on the attribute's value when it does not parse. */
final class DurationCheck {
  private DurationCheck() {}

  /**
   * The duration {@code text} of {@code attribute} in {@code mirror} on {@code element}, or empty
   * after reporting why it is not one.
   */
  static Optional<Duration> parse(
      Reporter reporter,
      Definition definition,
      Element element,
      AnnotationMirror mirror,
      String attribute,
      String text,
      boolean zeroAllowed) {
    Optional<Duration> parsed = Durations.parse(text);
    if (parsed.isEmpty() || (!zeroAllowed && parsed.get().isZero())) {
      reporter.error(
          DefinitionMessages.badDuration(attribute, text, definition, zeroAllowed),
          element,
          mirror,
          AnnotationReader.writtenIn(mirror, attribute));
      return Optional.empty();
    }
    return parsed;
  }
}
