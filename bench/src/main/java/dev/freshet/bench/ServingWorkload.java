package dev.freshet.bench;

import dev.freshet.feast.proto.serving.FeatureList;
import dev.freshet.feast.proto.serving.GetOnlineFeaturesRequest;
import dev.freshet.feast.proto.types.RepeatedValue;
import dev.freshet.feast.proto.types.Value;
import dev.freshet.runtime.online.layout.EntityKeys;
import dev.freshet.runtime.online.layout.FieldHashes;
import dev.freshet.runtime.online.layout.Timestamps;
import dev.freshet.runtime.online.layout.Values;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The shape of Feast's published serving benchmark: 25 views of 10 FLOAT features per entity in
 * Redis, in Feast's layout (the views in {@code definitions/ServingViews}); requests of 50
 * features, 5 views at random, for some random entities.
 */
final class ServingWorkload {
  static final String PROJECT = "bench";
  private static final int VIEWS = 25;
  private static final int FEATURES = 10;
  private static final int VIEWS_PER_REQUEST = 5;
  private static final List<JoinKeySpec> KEYS =
      List.of(new JoinKeySpec("rider_id", ValueType.INT64));

  private ServingWorkload() {}

  /**
   * One request, prepared before it is timed: the HTTP request to the feature server, the same
   * request as Feast's gRPC API takes it, and the same reads as the raw baseline does them (one
   * HMGET of every requested field per entity hash, the layout the server reads).
   */
  record Request(byte[] http, GetOnlineFeaturesRequest grpc, byte[][] keys, byte[][] fields) {}

  /** Every entity, all 25 views, with pipelined HSETs. */
  static void load(HostAndPort redis, long entities) {
    System.out.printf(
        Locale.ROOT,
        "loading %,d entities x %d views x %d features into Redis%n",
        entities,
        VIEWS,
        FEATURES);
    byte[][][] fields = new byte[VIEWS][FEATURES][];
    byte[][] timestampFields = new byte[VIEWS][];
    for (int v = 0; v < VIEWS; v++) {
      timestampFields[v] = FieldHashes.timestampField(view(v));
      for (int f = 0; f < FEATURES; f++) {
        fields[v][f] = FieldHashes.field(view(v), "f" + f);
      }
    }
    byte[] timestamp = Timestamps.encode(Instant.parse("2022-03-14T14:00:00Z"));
    try (Jedis jedis = new Jedis(redis)) {
      Pipeline pipeline = jedis.pipelined();
      for (long id = 0; id < entities; id++) {
        Map<byte[], byte[]> hash = new HashMap<>();
        for (int v = 0; v < VIEWS; v++) {
          hash.put(timestampFields[v], timestamp);
          for (int f = 0; f < FEATURES; f++) {
            hash.put(
                fields[v][f],
                Values.encode((float) ((id * 31 + v * 7 + f) % 1000) / 1000f, ValueType.FLOAT));
          }
        }
        pipeline.hset(EntityKeys.redisKey(KEYS, List.of(id), PROJECT), hash);
        if (id % 500 == 499) {
          pipeline.sync();
        }
      }
      pipeline.sync();
    }
  }

  /**
   * {@code count} requests for {@code size} random entities each, the same for every run of a seed.
   */
  static List<Request> requests(URI server, long entities, int size, int count, long seed) {
    Random random = new Random(seed);
    List<Request> requests = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      List<Integer> views = new ArrayList<>();
      for (int v = 0; v < VIEWS; v++) {
        views.add(v);
      }
      Collections.shuffle(views, random);
      views = views.subList(0, VIEWS_PER_REQUEST);
      long[] ids = new long[size];
      for (int i = 0; i < size; i++) {
        ids[i] = (long) (random.nextDouble() * entities);
      }
      requests.add(
          new Request(
              HttpConnection.post(server, "/get-online-features", json(views, ids)),
              grpc(views, ids),
              keys(ids),
              fields(views)));
    }
    return requests;
  }

  private static byte[] json(List<Integer> views, long[] ids) {
    StringBuilder body = new StringBuilder("{\"features\": [");
    boolean first = true;
    for (int v : views) {
      for (int f = 0; f < FEATURES; f++) {
        body.append(first ? "" : ", ")
            .append('"')
            .append(view(v))
            .append(":f")
            .append(f)
            .append('"');
        first = false;
      }
    }
    body.append("], \"entities\": {\"rider_id\": [");
    for (int i = 0; i < ids.length; i++) {
      body.append(i == 0 ? "" : ", ").append(ids[i]);
    }
    body.append("]}, \"full_feature_names\": true}");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON body's request as a {@code GetOnlineFeaturesRequest}. */
  private static GetOnlineFeaturesRequest grpc(List<Integer> views, long[] ids) {
    FeatureList.Builder features = FeatureList.newBuilder();
    for (int v : views) {
      for (int f = 0; f < FEATURES; f++) {
        features.addVal(view(v) + ":f" + f);
      }
    }
    RepeatedValue.Builder riders = RepeatedValue.newBuilder();
    for (long id : ids) {
      riders.addVal(Value.newBuilder().setInt64Val(id));
    }
    return GetOnlineFeaturesRequest.newBuilder()
        .setFeatures(features)
        .putEntities("rider_id", riders.build())
        .setFullFeatureNames(true)
        .build();
  }

  private static byte[][] keys(long[] ids) {
    byte[][] keys = new byte[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      keys[i] = EntityKeys.redisKey(KEYS, List.of(ids[i]), PROJECT);
    }
    return keys;
  }

  private static byte[][] fields(List<Integer> views) {
    byte[][] fields = new byte[views.size() * (FEATURES + 1)][];
    int at = 0;
    for (int v : views) {
      for (int f = 0; f < FEATURES; f++) {
        fields[at++] = FieldHashes.field(view(v), "f" + f);
      }
      fields[at++] = FieldHashes.timestampField(view(v));
    }
    return fields;
  }

  /** What a request of {@code size} entities answers: join key column plus 50 feature columns. */
  static int expectedColumns() {
    return 1 + VIEWS_PER_REQUEST * FEATURES;
  }

  private static String view(int v) {
    return String.format(Locale.ROOT, "stats%02d", v);
  }
}
