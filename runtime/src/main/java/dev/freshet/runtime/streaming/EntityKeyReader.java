package dev.freshet.runtime.streaming;

import dev.freshet.runtime.online.layout.EntityKeys;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.util.ArrayList;
import java.util.List;

/** Takes a view's join key values out of an event, typed as the view declares its keys. */
final class EntityKeyReader {
  private final List<JoinKeySpec> joinKeys;
  private final int[] positions;

  EntityKeyReader(List<JoinKeySpec> joinKeys, MessageReader reader) {
    this.joinKeys = joinKeys;
    this.positions = joinKeys.stream().mapToInt(key -> reader.position(key.name())).toArray();
  }

  List<Object> values(StreamEvent event) {
    List<Object> values = new ArrayList<>(positions.length);
    for (int i = 0; i < positions.length; i++) {
      Object value = event.values()[positions[i]];
      ValueType type = joinKeys.get(i).type();
      if (type == ValueType.INT64 && value instanceof Integer small) {
        value = small.longValue();
      } else if (type == ValueType.STRING && !(value instanceof String)) {
        value = String.valueOf(value);
      }
      values.add(value);
    }
    return values;
  }

  /**
   * The entity's key as bytes: Feast's serialization, the same for any instance and any order of
   * keys.
   */
  byte[] bytes(List<Object> values) {
    return EntityKeys.serialize(joinKeys, values);
  }
}
