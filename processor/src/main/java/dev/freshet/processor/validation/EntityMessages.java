package dev.freshet.processor.validation;

import dev.freshet.processor.model.EntityDef;
import dev.freshet.spec.ValueType;
import javax.lang.model.type.TypeMirror;

/** Messages about {@code @Entity} definitions. */
final class EntityMessages {
  private EntityMessages() {}

  static String noJoinKeys(EntityDef entity) {
    return String.format(
        "[FRESHET-ENT-001] %s declares no join key; add one method per key, e.g. `long driverId();`",
        entity.describe());
  }

  static String badJoinKeyType(EntityDef entity, String key, TypeMirror type) {
    return String.format(
        "[FRESHET-ENT-002] join key '%s' of %s has type %s; a join key is an int, a long or a String",
        key, entity.describe(), type);
  }

  static String conflictingJoinKeyType(
      String key, ValueType type, EntityDef entity, ValueType firstType, EntityDef first) {
    return String.format(
        "[FRESHET-ENT-003] join key '%s' is %s here in %s, but %s in %s; a join key has one type"
            + " across the repository: declare both the same way",
        key, type, entity.describe(), firstType, first.describe());
  }
}
