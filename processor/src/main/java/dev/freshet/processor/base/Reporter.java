package dev.freshet.processor.base;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.util.ElementFilter;
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
    messager.printMessage(Diagnostic.Kind.ERROR, message, written(element), mirror, value);
  }

  public void warning(
      String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    messager.printMessage(Diagnostic.Kind.WARNING, message, written(element), mirror, value);
  }

  /**
   * The record for the accessor of one of its components: javac places neither an implicit accessor
   * nor a component, but the record's header declares both. Any other element as it is.
   */
  private static Element written(Element element) {
    if (element instanceof ExecutableElement method
        && method.getEnclosingElement().getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component :
          ElementFilter.recordComponentsIn(method.getEnclosingElement().getEnclosedElements())) {
        if (method.equals(component.getAccessor())) {
          return method.getEnclosingElement();
        }
      }
    }
    return element;
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }
}
