package dev.freshet.runtime.online.redis;

import dev.freshet.runtime.online.NewestWins;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.online.StoreUnreachableException;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.Rawable;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The online store on Redis, standalone or cluster (the client splits pipelines per node), in
 * Feast's layout. Reads are one pipeline of HMGETs; writes are pipelined EVALSHA calls of the
 * newest-wins script, in batches.
 *
 * <p>Longer than most files here on purpose: reads, writes and deletes share one thing that must
 * not drift apart, how a view's fields and an entity's key are laid out and grouped into pipelines
 * per cluster node; the bytes themselves are in {@code layout/}.
 */
public final class RedisOnlineStore implements OnlineStore {
  /** Rows one script call writes; bounded so one call never blocks Redis for long. */
  static final int ROWS_PER_CALL = 100;

  /** Script calls per pipeline round trip. */
  static final int CALLS_PER_ROUND_TRIP = 100;

  /** Writes, deletes and scripts: a socket timeout a big batch fits in. */
  private final UnifiedJedis jedis;

  /** Reads and pings: a socket timeout a served read fits in, so a hung Redis fails them fast. */
  private final UnifiedJedis readClient;

  private final String project;
  private final byte[] keyTtlSeconds;
  private final String description;
  private final ReadFields readFields = new ReadFields();

  public RedisOnlineStore(UnifiedJedis jedis, String project, Duration keyTtl, String description) {
    this(jedis, jedis, project, keyTtl, description);
  }

  /** A store that reads through {@code reads} and writes through {@code writes}. */
  public RedisOnlineStore(
      UnifiedJedis writes,
      UnifiedJedis reads,
      String project,
      Duration keyTtl,
      String description) {
    this.jedis = writes;
    this.readClient = reads;
    this.project = project;
    this.keyTtlSeconds = Long.toString(keyTtl.toSeconds()).getBytes(StandardCharsets.US_ASCII);
    this.description = description;
  }

  /**
   * Where one view's fields sit in an entity's HMGET: which read, which entity, from which field
   * on.
   */
  private record Slot(int read, int entity, int offset, int count) {}

  /** One HMGET: an entity's hash, and the fields every view read of it asks for. */
  private static final class HashRead {
    final CommandArguments command;
    int fields;
    final List<Slot> slots = new ArrayList<>(2);

    HashRead(byte[] key) {
      this.command = new CommandArguments(Protocol.Command.HMGET).key(key);
    }

    void add(Rawable[] fields) {
      for (Rawable field : fields) {
        command.add(field);
      }
      this.fields += fields.length;
    }
  }

  /**
   * One HMGET per entity hash, whatever the number of views read from it: views of the same entity
   * share its hash (Feast's layout), so a request for 5 views of 100 entities costs Redis 100 key
   * lookups, not 500. All of them go in one pipeline.
   */
  @Override
  public List<List<StoredRow>> read(List<ViewRead> reads) {
    Collection<HashRead> hashes = hashReads(reads);
    List<Response<List<byte[]>>> responses = new ArrayList<>(hashes.size());
    try (AbstractPipeline pipeline = readClient.pipelined()) {
      for (HashRead hash : hashes) {
        responses.add(
            pipeline.executeCommand(new CommandObject<>(hash.command, BuilderFactory.BINARY_LIST)));
      }
      pipeline.sync();
    } catch (JedisException e) {
      throw unreachable("read from", e);
    }
    List<StoredRow[]> results = new ArrayList<>(reads.size());
    for (ViewRead read : reads) {
      results.add(new StoredRow[read.entities().size()]);
    }
    int h = 0;
    for (HashRead hash : hashes) {
      List<byte[]> values;
      try {
        values = responses.get(h++).get();
      } catch (JedisDataException e) {
        // e.g. WRONGTYPE: something else than Feast's hash under an entity's key
        throw new OnlineStoreException("Redis refused a read: " + e.getMessage(), e);
      }
      for (Slot slot : hash.slots) {
        results.get(slot.read())[slot.entity()] =
            decode(values.subList(slot.offset(), slot.offset() + slot.count()));
      }
    }
    List<List<StoredRow>> rows = new ArrayList<>(results.size());
    results.forEach(row -> rows.add(Arrays.asList(row)));
    return rows;
  }

  /** The HMGETs of {@code reads}, one per distinct entity hash, in order of first use. */
  private Collection<HashRead> hashReads(List<ViewRead> reads) {
    Map<ByteBuffer, HashRead> hashes = new LinkedHashMap<>();
    // Reads of views with the same join keys usually ask for the same entities in the same
    // order (a request's rows): their entities' keys are serialized and looked up once.
    List<HashRead[]> entityHashes = new ArrayList<>(reads.size());
    for (int r = 0; r < reads.size(); r++) {
      ViewRead read = reads.get(r);
      HashRead[] entities = sameEntitiesAsEarlier(reads, entityHashes, r);
      if (entities == null) {
        entities = new HashRead[read.entities().size()];
        for (int e = 0; e < entities.length; e++) {
          byte[] key = EntityKeys.redisKey(read.view().joinKeys(), read.entities().get(e), project);
          entities[e] = hashes.computeIfAbsent(ByteBuffer.wrap(key), k -> new HashRead(key));
        }
      }
      entityHashes.add(entities);
      Rawable[] fields = readFields.fields(read.view().name(), read.features());
      for (int e = 0; e < entities.length; e++) {
        HashRead hash = entities[e];
        hash.slots.add(new Slot(r, e, hash.fields, fields.length));
        hash.add(fields);
      }
    }
    return hashes.values();
  }

  /** The hashes of an earlier read of the same join keys and entities, or null. */
  private static HashRead[] sameEntitiesAsEarlier(
      List<ViewRead> reads, List<HashRead[]> entityHashes, int r) {
    ViewRead read = reads.get(r);
    for (int earlier = 0; earlier < r; earlier++) {
      ViewRead other = reads.get(earlier);
      if (other.view().joinKeys().equals(read.view().joinKeys())
          && other.entities().equals(read.entities())) {
        return entityHashes.get(earlier);
      }
    }
    return null;
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
    // The bytes too, a view of the reply already read: gRPC answers in them.
    return new StoredRow(
        Timestamps.decode(timestamp), values, fields.subList(0, fields.size() - 1));
  }

  @Override
  public WriteResult write(FeatureViewSpec view, List<? extends FeatureRow> rows, Ties ties) {
    NewestWins.Batch<? extends FeatureRow> batch = NewestWins.newestPerEntity(rows, ties);
    Fields fields = new Fields(view);
    List<Call> calls = new ArrayList<>();
    for (List<? extends FeatureRow> group : groups(view, batch.rows())) {
      for (int from = 0; from < group.size(); from += ROWS_PER_CALL) {
        calls.add(
            call(
                view,
                fields,
                group.subList(from, Math.min(group.size(), from + ROWS_PER_CALL)),
                ties));
      }
    }
    long written = 0;
    for (int from = 0; from < calls.size(); from += CALLS_PER_ROUND_TRIP) {
      written += evalAll(calls.subList(from, Math.min(calls.size(), from + CALLS_PER_ROUND_TRIP)));
    }
    return new WriteResult(written, rows.size() - written);
  }

  /** The hash fields of a view, computed once per write or delete. */
  private record Fields(byte[] timestamp, byte[] count, byte[][] features) {
    Fields(FeatureViewSpec view) {
      this(
          FieldHashes.timestampField(view.name()),
          Integer.toString(view.features().size()).getBytes(StandardCharsets.US_ASCII),
          view.features().stream()
              .map(f -> FieldHashes.field(view.name(), f.name()))
              .toArray(byte[][]::new));
    }
  }

  private static final byte[] REPLACE_TIES = {'1'};
  private static final byte[] KEEP_TIES = {'0'};

  /** One EVALSHA of the newest-wins script: some rows' keys and arguments. */
  private record Call(List<byte[]> keys, List<byte[]> arguments) {}

  /**
   * Rows that one script call may write together: all of them on a standalone Redis; on a cluster,
   * those whose keys share a hash slot, since a script touches one slot.
   */
  private List<List<? extends FeatureRow>> groups(
      FeatureViewSpec view, List<? extends FeatureRow> rows) {
    if (!(jedis instanceof RedisClusterClient)) {
      return List.of(rows);
    }
    Map<Integer, List<FeatureRow>> bySlot = new LinkedHashMap<>();
    for (FeatureRow row : rows) {
      int slot =
          JedisClusterCRC16.getSlot(
              EntityKeys.redisKey(view.joinKeys(), row.joinKeyValues(), project));
      bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(row);
    }
    return new ArrayList<>(bySlot.values());
  }

  private Call call(
      FeatureViewSpec view, Fields fields, List<? extends FeatureRow> rows, Ties ties) {
    List<byte[]> keys = new ArrayList<>(rows.size());
    int features = fields.features().length;
    List<byte[]> arguments = new ArrayList<>(4 + rows.size() * (4 + 2 * features));
    arguments.add(fields.timestamp());
    arguments.add(keyTtlSeconds);
    arguments.add(fields.count());
    arguments.add(ties == Ties.REPLACE ? REPLACE_TIES : KEEP_TIES);
    List<FeatureSpec> specs = view.features();
    for (FeatureRow row : rows) {
      keys.add(EntityKeys.redisKey(view.joinKeys(), row.joinKeyValues(), project));
      Instant timestamp = row.eventTimestamp();
      arguments.add(Long.toString(timestamp.getEpochSecond()).getBytes(StandardCharsets.US_ASCII));
      arguments.add(Integer.toString(timestamp.getNano()).getBytes(StandardCharsets.US_ASCII));
      arguments.add(fields.timestamp());
      arguments.add(Timestamps.encode(timestamp));
      List<Object> values = row.featureValues();
      for (int i = 0; i < features; i++) {
        arguments.add(fields.features()[i]);
        arguments.add(Values.encode(values.get(i), specs.get(i).type()));
      }
    }
    return new Call(keys, arguments);
  }

  /** Runs calls in one pipeline; returns the rows written. */
  private long evalAll(List<Call> calls) {
    List<Response<Object>> responses = pipelineEval(calls);
    long written = 0;
    List<Call> unloaded = new ArrayList<>();
    for (int i = 0; i < responses.size(); i++) {
      try {
        written += (Long) responses.get(i).get();
      } catch (JedisDataException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
          throw new OnlineStoreException("Redis refused a write: " + e.getMessage(), e);
        }
        unloaded.add(calls.get(i));
      }
    }
    if (!unloaded.isEmpty()) {
      // A node that has not seen the script yet (first write, restart, failover): load it there.
      // Loading is idempotent and the script is newest-wins, so running these calls again is safe.
      for (Call call : unloaded) {
        loadScript(call.keys().get(0));
      }
      for (Response<Object> response : pipelineEval(unloaded)) {
        written += (Long) response.get();
      }
    }
    return written;
  }

  private List<Response<Object>> pipelineEval(List<Call> calls) {
    List<Response<Object>> responses = new ArrayList<>(calls.size());
    try (AbstractPipeline pipeline = jedis.pipelined()) {
      for (Call call : calls) {
        responses.add(pipeline.evalsha(NewestWinsScript.SHA, call.keys(), call.arguments()));
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

  /**
   * Removes the view's fields from every entity hash of the project. Hashes are shared by views of
   * the same entity, so fields are deleted, not keys; a hash left empty disappears by itself. A
   * cluster is scanned node by node (SCAN is per node), on its masters.
   */
  @Override
  public void deleteView(FeatureViewSpec view) {
    Fields written = new Fields(view);
    byte[][] fieldArray = Arrays.copyOf(written.features(), written.features().length + 1);
    fieldArray[written.features().length] = written.timestamp();
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
    ScanParams params =
        new ScanParams().match(("*" + project).getBytes(StandardCharsets.UTF_8)).count(1000);
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

  /**
   * The deployment and an id kept in it, made on first use: a Redis that lost its data (a restart
   * without persistence, a flush) is another store, which materialization loads from scratch rather
   * than taking it to hold what the registry says was written.
   */
  @Override
  public String identity() {
    byte[] key = ("freshet:" + project + ":store-id").getBytes(StandardCharsets.UTF_8);
    try {
      jedis.set(
          key,
          UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
          redis.clients.jedis.params.SetParams.setParams().nx());
      byte[] id = jedis.get(key);
      return description + " #" + new String(id, StandardCharsets.UTF_8);
    } catch (JedisException e) {
      throw unreachable("read the store's id from", e);
    }
  }

  @Override
  public void ping() {
    try {
      readClient.ping();
    } catch (JedisException e) {
      throw unreachable("ping", e);
    }
  }

  @Override
  public void close() {
    jedis.close();
    if (readClient != jedis) {
      readClient.close();
    }
  }

  private OnlineStoreException unreachable(String action, JedisException e) {
    if (e instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
      return new StoreUnreachableException(
          "cannot " + action + " Redis (" + description + "): " + e.getMessage(), e);
    }
    return new OnlineStoreException(
        "cannot " + action + " Redis (" + description + "): " + e.getMessage(), e);
  }
}
