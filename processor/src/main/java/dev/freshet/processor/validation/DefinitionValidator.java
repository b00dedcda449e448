package dev.freshet.processor.validation;

import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.DefinitionKind;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.Repository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/** Rules every definition follows: an interface, one kind, a valid and unique name, sane members. */
public final class DefinitionValidator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Reporter reporter;

  public DefinitionValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Checks {@code element}'s shape; false when it cannot be read as a definition at all. */
  public boolean checkShape(TypeElement element, List<DefinitionKind> kinds) {
    if (kinds.size() > 1) {
      reporter.error(DefinitionMessages.severalKinds(element, kinds), element);
      return false;
    }
    if (element.getKind() != ElementKind.INTERFACE) {
      reporter.error(DefinitionMessages.notAnInterface(kinds.get(0), element), element);
      return false;
    }
    return true;
  }

  public void validate(Repository repository) {
    checkUniqueNames(repository);
    for (Definition definition : repository.all()) {
      checkName(definition);
    }
  }

  private void checkName(Definition definition) {
    if (!isValidName(definition.name())) {
      reporter.error(
          DefinitionMessages.invalidName(definition.kind().noun(), definition.name()),
          definition.element(),
          definition.mirror());
    }
  }

  private void checkUniqueNames(Repository repository) {
    Map<String, Definition> seen = new HashMap<>();
    for (Definition definition : repository.all()) {
      String key = definition.kind().namespace() + "\u0000" + definition.name();
      Definition first = seen.putIfAbsent(key, definition);
      if (first != null) {
        reporter.error(
            DefinitionMessages.duplicateName(definition, first), definition.element(), definition.mirror());
      }
    }
  }

  /**
   * Checks the members of {@code definition}: no parameters, valid and unique names, and (unless
   * {@code checkTypes} is false because the caller has a narrower rule) a value type.
   */
  void checkMembers(Definition definition, List<Member> members, String memberNoun, boolean checkTypes) {
    Map<String, Member> seen = new HashMap<>();
    for (Member member : members) {
      if (!member.method().getParameters().isEmpty() || !member.method().getTypeParameters().isEmpty()) {
        reporter.error(DefinitionMessages.memberTakesParameters(member.method(), memberNoun), member.method());
        continue;
      }
      if (!isValidName(member.name())) {
        reporter.error(DefinitionMessages.invalidName(memberNoun, member.name()), member.method());
        continue;
      }
      Member first = seen.putIfAbsent(member.name(), member);
      if (first != null) {
        reporter.error(
            DefinitionMessages.duplicateMember(
                definition, memberNoun, member.name(), first.method(), member.method()),
            member.method());
        continue;
      }
      if (checkTypes && member.type() == null) {
        reporter.error(
            DefinitionMessages.unsupportedType(
                memberNoun, member.name(), definition, member.method().getReturnType()),
            member.method());
      }
    }
  }

  static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }
}
