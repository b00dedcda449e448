package dev.freshet.runtime.online.embedded;

import dev.freshet.runtime.online.NewestWins;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.OnlineStoreException;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.WriteResult;
import dev.freshet.runtime.online.layout.EntityKeys;
import dev.freshet.runtime.online.layout.FieldHashes;
import dev.freshet.runtime.online.layout.Values;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The online store in a RocksDB directory. A key is {@code project \0 view \0 entity key (Feast
 * v3)}, so a view's data is one key range. RocksDB admits one process per directory; a second gets
 * a message that says who holds it.
 */
public final class EmbeddedOnlineStore implements OnlineStore {
  private static final int STRIPES = 1024;

  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final String project;
  private final Options options;
  private final RocksDB db;
  private final WriteOptions writeOptions = new WriteOptions();
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  /**
   * Held shared by every call and exclusively by {@link #close}: RocksDB crashes the JVM when a
   * call reaches a closed database, and a server stopping while pushes are in flight would do that.
   */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

  private boolean closed;

  private EmbeddedOnlineStore(Path directory, String project, Options options, RocksDB db) {
    this.directory = directory;
    this.project = project;
    this.options = options;
    this.db = db;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Opens (creating if needed) the store in {@code directory}.
   *
   * @throws OnlineStoreException when another process has it open
   */
  public static EmbeddedOnlineStore open(Path directory, String project) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new OnlineStoreException(
          "cannot create the embedded online store at " + directory + ": " + e, e);
    }
    Options options = new Options().setCreateIfMissing(true);
    try {
      return new EmbeddedOnlineStore(
          directory, project, options, RocksDB.open(options, directory.toString()));
    } catch (RocksDBException e) {
      options.close();
      String reason = String.valueOf(e.getMessage());
      if (reason.contains("lock") || reason.contains("Resource temporarily unavailable")) {
        throw new OnlineStoreException(
            "the embedded online store at "
                + directory
                + " is open in another process (a running server or another command); stop it first,"
                + " or send the work to that server",
            e);
      }
      throw new OnlineStoreException(
          "cannot open the embedded online store at " + directory + ": " + reason, e);
    }
  }

  @Override
  public List<List<StoredRow>> read(List<ViewRead> reads) {
    enter();
    try {
      List<List<StoredRow>> results = new ArrayList<>(reads.size());
      try {
        for (ViewRead read : reads) {
          byte[][] wanted = new byte[read.features().size()][];
          for (int i = 0; i < wanted.length; i++) {
            wanted[i] = FieldHashes.field(read.view().name(), read.features().get(i));
          }
          List<byte[]> keys = new ArrayList<>(read.entities().size());
          for (List<Object> entity : read.entities()) {
            keys.add(key(read.view(), entity));
          }
          List<byte[]> stored = db.multiGetAsList(keys);
          List<StoredRow> rows = new ArrayList<>(stored.size());
          for (byte[] value : stored) {
            rows.add(decode(value, wanted));
          }
          results.add(rows);
        }
      } catch (RocksDBException e) {
        throw new OnlineStoreException(
            "cannot read the embedded online store at " + directory + ": " + e.getMessage(), e);
      }
      return results;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private static StoredRow decode(byte[] stored, byte[][] wanted) {
    if (stored == null) {
      return new StoredRow(null, Arrays.asList(new Object[wanted.length]));
    }
    byte[][] found = StoredValue.values(stored, wanted);
    List<Object> values = new ArrayList<>(wanted.length);
    for (byte[] value : found) {
      values.add(Values.decode(value));
    }
    return new StoredRow(StoredValue.eventTimestamp(stored), values, Arrays.asList(found));
  }

  @Override
  public WriteResult write(FeatureViewSpec view, List<? extends FeatureRow> rows, Ties ties) {
    enter();
    try {
      NewestWins.Batch<? extends FeatureRow> batch = NewestWins.newestPerEntity(rows, ties);
      List<byte[]> fields = new ArrayList<>();
      for (FeatureSpec feature : view.features()) {
        fields.add(FieldHashes.field(view.name(), feature.name()));
      }
      List<byte[]> keys = new ArrayList<>(batch.rows().size());
      TreeSet<Integer> stripeIds = new TreeSet<>();
      for (FeatureRow row : batch.rows()) {
        byte[] key = key(view, row.joinKeyValues());
        keys.add(key);
        stripeIds.add(stripe(key));
      }
      // Locks are taken in stripe order, so concurrent writers never deadlock; within them the
      // compare and the write are one step.
      for (int id : stripeIds) {
        stripes[id].lock();
      }
      try (WriteBatch writes = new WriteBatch()) {
        List<byte[]> stored = db.multiGetAsList(keys);
        long written = 0;
        long skipped = batch.skipped();
        for (int i = 0; i < keys.size(); i++) {
          FeatureRow row = batch.rows().get(i);
          byte[] current = stored.get(i);
          if (current != null
              && !NewestWins.replaces(
                  row.eventTimestamp(), StoredValue.eventTimestamp(current), ties)) {
            skipped++;
            continue;
          }
          List<byte[]> values = new ArrayList<>(fields.size());
          for (int f = 0; f < fields.size(); f++) {
            values.add(Values.encode(row.featureValues().get(f), view.features().get(f).type()));
          }
          writes.put(keys.get(i), StoredValue.encode(row.eventTimestamp(), fields, values));
          written++;
        }
        db.write(writeOptions, writes);
        return new WriteResult(written, skipped);
      } catch (RocksDBException e) {
        throw new OnlineStoreException(
            "cannot write the embedded online store at " + directory + ": " + e.getMessage(), e);
      } finally {
        for (int id : stripeIds.descendingSet()) {
          stripes[id].unlock();
        }
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void deleteView(FeatureViewSpec view) {
    enter();
    try {
      byte[] from = viewPrefix(view);
      byte[] to = Arrays.copyOf(from, from.length);
      to[to.length - 1]++; // the prefix ends with the 0 separator, so this is the next prefix
      try {
        db.deleteRange(from, to);
      } catch (RocksDBException e) {
        throw new OnlineStoreException(
            "cannot delete view " + view.name() + " from " + directory + ": " + e.getMessage(), e);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public String describe() {
    return "embedded " + directory;
  }

  /**
   * The directory and the id kept inside it, made on first use: a directory that was deleted and
   * made again is another store, which materialization loads from scratch.
   */
  @Override
  public synchronized String identity() {
    enter();
    try {
      byte[] key = ("\0freshet\0store-id\0" + project).getBytes(StandardCharsets.UTF_8);
      try {
        byte[] id = db.get(key);
        if (id == null) {
          id = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
          db.put(writeOptions, key, id);
        }
        return describe() + " #" + new String(id, StandardCharsets.UTF_8);
      } catch (RocksDBException e) {
        throw new OnlineStoreException(
            "cannot read the store's id in " + directory + ": " + e.getMessage(), e);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Takes the shared lock of a call; refuses the call once the store is closed. */
  private void enter() {
    lifecycle.readLock().lock();
    if (closed) {
      lifecycle.readLock().unlock();
      throw new OnlineStoreException(
          "the embedded online store at " + directory + " is closed: the server is stopping");
    }
  }

  /** Waits for the calls in flight to end, then closes; later calls are refused. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      writeOptions.close();
      db.close();
      options.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private byte[] viewPrefix(FeatureViewSpec view) {
    return (project + "\0" + view.name() + "\0").getBytes(StandardCharsets.UTF_8);
  }

  private byte[] key(FeatureViewSpec view, List<Object> entity) {
    byte[] prefix = viewPrefix(view);
    byte[] entityKey = EntityKeys.serialize(view.joinKeys(), entity);
    byte[] key = Arrays.copyOf(prefix, prefix.length + entityKey.length);
    System.arraycopy(entityKey, 0, key, prefix.length, entityKey.length);
    return key;
  }

  private static int stripe(byte[] key) {
    return Math.floorMod(Arrays.hashCode(key), STRIPES);
  }
}
