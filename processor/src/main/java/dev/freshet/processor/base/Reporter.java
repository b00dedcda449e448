package dev.freshet.processor.base;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints the processor's errors and warnings on the most precise place there is (an element, its
 * annotation, an attribute value) and remembers whether any error was printed.
 */
public final class Reporter {
  private final Messager messager;
  private int errorCount;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void error(String message, Element element) {
    error(message, element, null, null);
  }

  public void error(String message, Element element, AnnotationMirror mirror) {
    error(message, element, mirror, null);
  }

  /** An error on {@code value} of {@code mirror} on {@code element}; null parts are skipped. */
  public void error(
      String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
  }

  public void warning(
      String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    messager.printMessage(Diagnostic.Kind.WARNING, message, element, mirror, value);
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }
}
