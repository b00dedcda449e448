package dev.freshet.processor.validation;

import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.DefinitionKind;
import dev.freshet.processor.model.TypeMapper;
import dev.freshet.spec.Durations;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Messages about any kind of definition: shape, names, members, durations. */
final class DefinitionMessages {
  private DefinitionMessages() {}

  static String notAnInterface(DefinitionKind kind, TypeElement element) {
    return String.format(
        "[FRESHET-DEF-001] %s goes on an interface, but %s is a %s; declare it as `interface %s`",
        kind.annotationSimpleName(),
        element.getSimpleName(),
        element.getKind().toString().toLowerCase(java.util.Locale.ROOT),
        element.getSimpleName());
  }

  static String severalKinds(TypeElement element, List<DefinitionKind> kinds) {
    return String.format(
        "[FRESHET-DEF-002] %s carries %s; a definition is one thing: split it into one interface"
            + " per annotation",
        element.getSimpleName(),
        kinds.stream().map(DefinitionKind::annotationSimpleName).collect(Collectors.joining(" and ")));
  }

  static String duplicateName(Definition duplicate, Definition first) {
    return String.format(
        "[FRESHET-DEF-003] %s name '%s' is already taken by %s %s; names must be unique among %s:"
            + " rename one with name = \"...\"",
        duplicate.kind().noun(),
        duplicate.name(),
        first.kind().noun(),
        first.element().getQualifiedName(),
        duplicate.kind().namespace());
  }

  static String invalidName(String what, String name) {
    return String.format(
        "[FRESHET-DEF-004] '%s' is not a valid %s name: use letters, digits and underscores,"
            + " starting with a letter or an underscore",
        name, what);
  }

  static String memberTakesParameters(ExecutableElement method, String memberNoun) {
    return String.format(
        "[FRESHET-DEF-005] %s() takes parameters; a %s is declared by a method without parameters"
            + " or type parameters, e.g. `float convRate();`",
        method.getSimpleName(), memberNoun);
  }

  static String duplicateMember(
      Definition definition, String memberNoun, String name, ExecutableElement first, ExecutableElement second) {
    return String.format(
        "[FRESHET-DEF-006] %s declares %s '%s' twice (%s() and %s()); rename one, or set its name"
            + " with @Name",
        definition.describe(), memberNoun, name, first.getSimpleName(), second.getSimpleName());
  }

  static String badDuration(String attribute, String text, Definition definition, boolean zeroAllowed) {
    return String.format(
        "[FRESHET-DEF-007] %s '%s' of %s is not a duration: write %s%s",
        attribute,
        text,
        definition.describe(),
        Durations.SYNTAX,
        zeroAllowed ? ", or \"0\" for none" : "");
  }

  static String unsupportedType(String memberNoun, String name, Definition definition, TypeMirror type) {
    return String.format(
        "[FRESHET-DEF-008] %s '%s' of %s has type %s, which has no value type; use %s",
        memberNoun, name, definition.describe(), type, TypeMapper.SUPPORTED);
  }
}
