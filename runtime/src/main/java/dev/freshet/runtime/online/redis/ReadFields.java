package dev.freshet.runtime.online.redis;

import dev.freshet.runtime.online.layout.FieldHashes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.args.Rawable;
import redis.clients.jedis.args.RawableFactory;

/**
 * The hash fields a read asks for, by view and feature name, hashed once and held as the client's
 * arguments: murmur-hashing a request's 50 feature names, and the client copying every field of
 * every HMGET (5,500 for 100 entities), showed in the serving profile. Holds the views and features
 * read since start, a few bytes each.
 */
final class ReadFields {
  private final Map<String, Map<String, Rawable>> byView = new ConcurrentHashMap<>();
  private final Map<String, Rawable> timestamps = new ConcurrentHashMap<>();

  /** The fields of {@code features} of {@code view}, in order, then the view's timestamp field. */
  Rawable[] fields(String view, List<String> features) {
    Map<String, Rawable> fields = byView.get(view);
    if (fields == null) {
      fields = byView.computeIfAbsent(view, v -> new ConcurrentHashMap<>());
    }
    Rawable[] read = new Rawable[features.size() + 1];
    for (int i = 0; i < features.size(); i++) {
      Rawable field = fields.get(features.get(i));
      read[i] =
          field != null
              ? field
              : fields.computeIfAbsent(
                  features.get(i),
                  feature -> RawableFactory.from(FieldHashes.field(view, feature)));
    }
    Rawable timestamp = timestamps.get(view);
    read[features.size()] =
        timestamp != null
            ? timestamp
            : timestamps.computeIfAbsent(
                view, v -> RawableFactory.from(FieldHashes.timestampField(v)));
    return read;
  }
}
