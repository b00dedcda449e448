package dev.freshet.processor.validation;

import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.model.EntityDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.Repository;
import dev.freshet.spec.ValueType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Checks {@code @Entity} definitions and the join keys they declare. */
public final class EntityValidator {
  private static final Set<ValueType> KEY_TYPES =
      Set.of(ValueType.INT32, ValueType.INT64, ValueType.STRING);

  private final Reporter reporter;
  private final DefinitionValidator definitions;

  /** Join key name to the first entity that declared it, across the repository. */
  private final Map<String, EntityDef> keyOwners = new HashMap<>();

  public EntityValidator(Reporter reporter, DefinitionValidator definitions) {
    this.reporter = reporter;
    this.definitions = definitions;
  }

  public void validate(Repository repository) {
    for (EntityDef entity : repository.entities()) {
      definitions.checkMembers(entity, entity.joinKeys(), "join key", false);
      checkHasJoinKeys(entity);
      for (Member key : entity.joinKeys()) {
        if (checkJoinKeyType(entity, key)) {
          checkSameTypeEverywhere(entity, key);
        }
      }
    }
  }

  private void checkHasJoinKeys(EntityDef entity) {
    if (entity.joinKeys().isEmpty()) {
      reporter.error(EntityMessages.noJoinKeys(entity), entity.element(), entity.mirror());
    }
  }

  private boolean checkJoinKeyType(EntityDef entity, Member key) {
    if (!key.method().getParameters().isEmpty()) {
      return false; // reported as a member without parameters
    }
    if (key.type() == null || !KEY_TYPES.contains(key.type().valueType())) {
      reporter.error(
          EntityMessages.badJoinKeyType(entity, key.name(), key.method().getReturnType()),
          key.method());
      return false;
    }
    return true;
  }

  private void checkSameTypeEverywhere(EntityDef entity, Member key) {
    EntityDef first = keyOwners.putIfAbsent(key.name(), entity);
    if (first == null || first == entity) {
      return;
    }
    ValueType firstType =
        first.joinKeys().stream()
            .filter(k -> k.name().equals(key.name()))
            .findFirst()
            .orElseThrow()
            .type()
            .valueType();
    if (firstType != key.type().valueType()) {
      reporter.error(
          EntityMessages.conflictingJoinKeyType(
              key.name(), key.type().valueType(), entity, firstType, first),
          key.method());
    }
  }
}
