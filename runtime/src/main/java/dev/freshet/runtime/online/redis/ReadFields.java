package dev.freshet.runtime.online.redis;

import dev.freshet.runtime.online.layout.FieldHashes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hash fields a read asks for, by view and feature name, hashed once: murmur-hashing a
 * request's 50 feature names on every read showed in the serving profile. Holds the views and
 * features read since start, a few bytes each.
 */
final class ReadFields {
  private final Map<String, Map<String, byte[]>> byView = new ConcurrentHashMap<>();
  private final Map<String, byte[]> timestamps = new ConcurrentHashMap<>();

  /** The fields of {@code features} of {@code view}, in order, then the view's timestamp field. */
  byte[][] fields(String view, List<String> features) {
    Map<String, byte[]> fields = byView.get(view);
    if (fields == null) {
      fields = byView.computeIfAbsent(view, v -> new ConcurrentHashMap<>());
    }
    byte[][] read = new byte[features.size() + 1][];
    for (int i = 0; i < features.size(); i++) {
      byte[] field = fields.get(features.get(i));
      read[i] = field != null ? field : fields.computeIfAbsent(features.get(i), feature -> FieldHashes.field(view, feature));
    }
    byte[] timestamp = timestamps.get(view);
    read[features.size()] = timestamp != null ? timestamp : timestamps.computeIfAbsent(view, FieldHashes::timestampField);
    return read;
  }
}
