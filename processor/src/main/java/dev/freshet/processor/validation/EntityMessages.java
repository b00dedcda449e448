package dev.freshet.processor.validation;

import dev.freshet.processor.data.SourceSchema;
import dev.freshet.processor.model.EntityDef;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.Member;
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

  static String joinKeyColumnMissing(
      EntityDef entity,
      String key,
      String column,
      SourceSchema schema,
      FeatureViewDef view,
      String hint) {
    return String.format(
        "[FRESHET-ENT-004] join key '%s' of %s is read from column '%s' of %s (the source of %s),"
            + " but it has no such column; its columns are %s.%s Rename the key with @Name, or map"
            + " the column to it with @FieldMapping on the source",
        key, entity.describe(), column, schema.file(), view.describe(), schema.names(), hint);
  }

  static String joinKeyColumnType(
      EntityDef entity, Member key, String column, SourceSchema schema, String fix) {
    return String.format(
        "[FRESHET-ENT-005] join key '%s' of %s is declared %s (%s), but column '%s' of %s is %s,"
            + " which cannot be read as %s; %s",
        key.name(),
        entity.describe(),
        key.method().getReturnType(),
        key.type().valueType(),
        column,
        schema.file(),
        schema.typeOf(column),
        key.type().valueType(),
        fix);
  }
}
