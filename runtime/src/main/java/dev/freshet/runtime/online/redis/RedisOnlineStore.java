package dev.freshet.runtime.online.redis;

import dev.freshet.runtime.online.NewestWins;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.WriteResult;
import dev.freshet.runtime.online.layout.EntityKeys;
import dev.freshet.runtime.online.layout.FieldHashes;
import dev.freshet.runtime.online.layout.Timestamps;
import dev.freshet.runtime.online.layout.Values;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The online store on Redis, standalone or cluster (the client splits pipelines per node), in
 * Feast's layout. Reads are one pipeline of HMGETs; writes are pipelined EVALSHA calls of the
 * newest-wins script, in batches.
 */
public final class RedisOnlineStore implements OnlineStore {
  /** Rows per pipeline round trip when writing. */
  static final int WRITE_BATCH = 1000;

  private final UnifiedJedis jedis;
  private final String project;
  private final byte[] keyTtlSeconds;
  private final String description;

  public RedisOnlineStore(UnifiedJedis jedis, String project, Duration keyTtl, String description) {
    this.jedis = jedis;
    this.project = project;
    this.keyTtlSeconds = Long.toString(keyTtl.toSeconds()).getBytes(StandardCharsets.US_ASCII);
    this.description = description;
  }

  @Override
  public List<List<StoredRow>> read(List<ViewRead> reads) {
    List<List<Response<List<byte[]>>>> responses = new ArrayList<>();
    try (AbstractPipeline pipeline = jedis.pipelined()) {
      for (ViewRead read : reads) {
        byte[][] fields = new byte[read.features().size() + 1][];
        for (int i = 0; i < read.features().size(); i++) {
          fields[i] = FieldHashes.field(read.view().name(), read.features().get(i));
        }
        fields[fields.length - 1] = FieldHashes.timestampField(read.view().name());
        List<Response<List<byte[]>>> perEntity = new ArrayList<>(read.entities().size());
        for (List<Object> entity : read.entities()) {
          perEntity.add(pipeline.hmget(EntityKeys.redisKey(read.view().joinKeys(), entity, project), fields));
        }
        responses.add(perEntity);
      }
      pipeline.sync();
    } catch (JedisException e) {
      throw unreachable("read from", e);
    }
    List<List<StoredRow>> results = new ArrayList<>(reads.size());
    for (List<Response<List<byte[]>>> perEntity : responses) {
      List<StoredRow> rows = new ArrayList<>(perEntity.size());
      for (Response<List<byte[]>> response : perEntity) {
        rows.add(decode(response.get()));
      }
      results.add(rows);
    }
    return results;
  }

  private static StoredRow decode(List<byte[]> fields) {
    byte[] timestamp = fields.get(fields.size() - 1);
    if (timestamp == null) {
      return new StoredRow(null, Arrays.asList(new Object[fields.size() - 1]));
    }
    List<Object> values = new ArrayList<>(fields.size() - 1);
    for (int i = 0; i < fields.size() - 1; i++) {
      values.add(Values.decode(fields.get(i)));
    }
    return new StoredRow(Timestamps.decode(timestamp), values);
  }

  @Override
  public WriteResult write(FeatureViewSpec view, List<? extends FeatureRow> rows) {
    NewestWins.Batch<? extends FeatureRow> batch = NewestWins.newestPerEntity(rows);
    WriteResult result = new WriteResult(0, batch.skipped());
    byte[][] featureFields = new byte[view.features().size()][];
    for (int i = 0; i < featureFields.length; i++) {
      featureFields[i] = FieldHashes.field(view.name(), view.features().get(i).name());
    }
    byte[] timestampField = FieldHashes.timestampField(view.name());
    List<? extends FeatureRow> newest = batch.rows();
    for (int from = 0; from < newest.size(); from += WRITE_BATCH) {
      List<? extends FeatureRow> chunk = newest.subList(from, Math.min(newest.size(), from + WRITE_BATCH));
      result = result.plus(writeChunk(view, chunk, featureFields, timestampField));
    }
    return result;
  }

  private WriteResult writeChunk(
      FeatureViewSpec view, List<? extends FeatureRow> chunk, byte[][] featureFields, byte[] timestampField) {
    List<byte[]> keys = new ArrayList<>(chunk.size());
    List<List<byte[]>> arguments = new ArrayList<>(chunk.size());
    for (FeatureRow row : chunk) {
      keys.add(EntityKeys.redisKey(view.joinKeys(), row.joinKeyValues(), project));
      arguments.add(arguments(view, row, featureFields, timestampField));
    }
    List<Response<Object>> responses = evalAll(keys, arguments);
    long written = 0;
    long skipped = 0;
    List<Integer> unloaded = new ArrayList<>();
    for (int i = 0; i < responses.size(); i++) {
      try {
        if (((Long) responses.get(i).get()) == 1L) {
          written++;
        } else {
          skipped++;
        }
      } catch (JedisDataException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
          throw new OnlineStoreException("Redis refused a write of view " + view.name() + ": " + e.getMessage(), e);
        }
        unloaded.add(i);
      }
    }
    if (!unloaded.isEmpty()) {
      // A node that has not seen the script yet (first write, restart, failover): load it there.
      // Loading is idempotent and the script is newest-wins, so retrying these rows is safe.
      List<byte[]> retryKeys = new ArrayList<>();
      List<List<byte[]>> retryArguments = new ArrayList<>();
      for (int i : unloaded) {
        loadScript(keys.get(i));
        retryKeys.add(keys.get(i));
        retryArguments.add(arguments.get(i));
      }
      for (Response<Object> response : evalAll(retryKeys, retryArguments)) {
        if (((Long) response.get()) == 1L) {
          written++;
        } else {
          skipped++;
        }
      }
    }
    return new WriteResult(written, skipped);
  }

  private List<Response<Object>> evalAll(List<byte[]> keys, List<List<byte[]>> arguments) {
    List<Response<Object>> responses = new ArrayList<>(keys.size());
    try (AbstractPipeline pipeline = jedis.pipelined()) {
      for (int i = 0; i < keys.size(); i++) {
        responses.add(pipeline.evalsha(NewestWinsScript.SHA, List.of(keys.get(i)), arguments.get(i)));
      }
      pipeline.sync();
    } catch (JedisDataException e) {
      throw new OnlineStoreException("Redis refused a write: " + e.getMessage(), e);
    } catch (JedisException e) {
      throw unreachable("write to", e);
    }
    return responses;
  }

  private void loadScript(byte[] sampleKey) {
    try {
      jedis.scriptLoad(NewestWinsScript.SOURCE, sampleKey);
    } catch (JedisException e) {
      throw unreachable("load the newest-wins script into", e);
    }
  }

  private List<byte[]> arguments(FeatureViewSpec view, FeatureRow row, byte[][] featureFields, byte[] timestampField) {
    Instant timestamp = row.eventTimestamp();
    List<Object> values = row.featureValues();
    List<byte[]> arguments = new ArrayList<>(5 + 2 * featureFields.length);
    arguments.add(timestampField);
    arguments.add(Timestamps.encode(timestamp));
    arguments.add(Long.toString(timestamp.getEpochSecond()).getBytes(StandardCharsets.US_ASCII));
    arguments.add(Integer.toString(timestamp.getNano()).getBytes(StandardCharsets.US_ASCII));
    arguments.add(keyTtlSeconds);
    List<FeatureSpec> features = view.features();
    for (int i = 0; i < featureFields.length; i++) {
      arguments.add(featureFields[i]);
      arguments.add(Values.encode(values.get(i), features.get(i).type()));
    }
    return arguments;
  }

  /**
   * Removes the view's fields from every entity hash of the project. Hashes are shared by views of
   * the same entity, so fields are deleted, not keys; a hash left empty disappears by itself. A
   * cluster is scanned node by node (SCAN is per node), on its masters.
   */
  @Override
  public void deleteView(FeatureViewSpec view) {
    List<byte[]> fields = new ArrayList<>();
    for (FeatureSpec feature : view.features()) {
      fields.add(FieldHashes.field(view.name(), feature.name()));
    }
    fields.add(FieldHashes.timestampField(view.name()));
    byte[][] fieldArray = fields.toArray(new byte[0][]);
    try {
      if (jedis instanceof RedisClusterClient cluster) {
        for (ConnectionPool pool : cluster.getClusterNodes().values()) {
          try (Jedis node = new Jedis(pool.getResource())) {
            if (node.info("replication").contains("role:master")) {
              deleteFields(node::scan, node::pipelined, fieldArray);
            }
          }
        }
      } else {
        deleteFields(jedis::scan, jedis::pipelined, fieldArray);
      }
    } catch (JedisException e) {
      throw unreachable("delete view " + view.name() + " from", e);
    }
  }

  private void deleteFields(
      BiFunction<byte[], ScanParams, ScanResult<byte[]>> scan,
      Supplier<? extends AbstractPipeline> pipelined,
      byte[][] fields) {
    ScanParams params = new ScanParams().match(("*" + project).getBytes(StandardCharsets.UTF_8)).count(1000);
    byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
    do {
      ScanResult<byte[]> page = scan.apply(cursor, params);
      if (!page.getResult().isEmpty()) {
        try (AbstractPipeline pipeline = pipelined.get()) {
          for (byte[] key : page.getResult()) {
            pipeline.hdel(key, fields);
          }
        }
      }
      cursor = page.getCursorAsBytes();
    } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    jedis.close();
  }

  private OnlineStoreException unreachable(String action, JedisException e) {
    return new OnlineStoreException("cannot " + action + " Redis (" + description + "): " + e.getMessage(), e);
  }
}
