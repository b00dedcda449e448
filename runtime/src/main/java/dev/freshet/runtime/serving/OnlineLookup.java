package dev.freshet.runtime.serving;

import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureStatus;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.serving.ServingIndex.Feature;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads features of entity rows from the online store in one round trip and lays them out as
 * Feast's response does: one column per feature, one element per row, with statuses. The HTTP API
 * and the in-process typed-client transport both answer from it.
 */
final class OnlineLookup {
  private OnlineLookup() {}

  /**
   * @param entities typed join key values, one column per join key, all {@code rows} long
   * @throws RequestException when a view's join key is missing
   */
  static List<FeatureColumn> lookup(
      OnlineStore store,
      List<Feature> features,
      Map<String, List<Object>> entities,
      int rows,
      Instant now) {
    return lookup(store, features, entities, rows, now, false).columns();
  }

  /**
   * The columns, and with {@code withStored} each value's {@code Value} message as the store holds
   * it, for a transport that answers in Feast's bytes (gRPC): the same read, the same statuses.
   */
  record Columns(List<FeatureColumn> columns, List<byte[][]> stored) {}

  /**
   * @param withStored whether to keep the stored messages ({@link Columns#stored} is null if not)
   */
  static Columns lookup(
      OnlineStore store,
      List<Feature> features,
      Map<String, List<Object>> entities,
      int rows,
      Instant now,
      boolean withStored) {
    // Features grouped by view, views found by identity: a view spec is a deep record, and
    // hashing it per request would cost more than the lookup itself.
    List<FeatureViewSpec> views = new ArrayList<>(4);
    List<List<String>> names = new ArrayList<>(4);
    int[] viewOf = new int[features.size()];
    int[] positionOf = new int[features.size()];
    for (int i = 0; i < features.size(); i++) {
      FeatureViewSpec view = features.get(i).view();
      int v = 0;
      while (v < views.size() && views.get(v) != view) {
        v++;
      }
      if (v == views.size()) {
        views.add(view);
        names.add(new ArrayList<>());
      }
      viewOf[i] = v;
      positionOf[i] = names.get(v).size();
      names.get(v).add(features.get(i).name());
    }

    // One read per view, of the view's distinct entities; rows point at them. Views keyed alike
    // (usually all of a request's) share one list of entities and pointers.
    List<ViewRead> reads = new ArrayList<>(views.size());
    List<int[]> rowToEntity = new ArrayList<>(views.size());
    List<DistinctEntities> byJoinKeys = new ArrayList<>(2);
    for (int v = 0; v < views.size(); v++) {
      FeatureViewSpec view = views.get(v);
      DistinctEntities distinct = null;
      for (DistinctEntities earlier : byJoinKeys) {
        if (earlier.joinKeys().equals(view.joinKeys())) {
          distinct = earlier;
          break;
        }
      }
      if (distinct == null) {
        distinct = DistinctEntities.of(view, entities, rows);
        byJoinKeys.add(distinct);
      }
      reads.add(new ViewRead(view, names.get(v), distinct.entities()));
      rowToEntity.add(distinct.rowToEntity());
    }
    List<List<StoredRow>> stored = store.read(reads);

    List<FeatureColumn> columns = new ArrayList<>(features.size());
    List<byte[][]> storedColumns = withStored ? new ArrayList<>(features.size()) : null;
    for (int i = 0; i < features.size(); i++) {
      int v = viewOf[i];
      columns.add(
          column(features.get(i), stored.get(v), rowToEntity.get(v), positionOf[i], rows, now));
      if (withStored) {
        storedColumns.add(storedColumn(stored.get(v), rowToEntity.get(v), positionOf[i], rows));
      }
    }
    return new Columns(columns, storedColumns);
  }

  /** A feature's stored messages per row: null where not found or where the store gave none. */
  private static byte[][] storedColumn(
      List<StoredRow> stored, int[] rowToEntity, int position, int rows) {
    byte[][] messages = new byte[rows][];
    for (int row = 0; row < rows; row++) {
      StoredRow entity = stored.get(rowToEntity[row]);
      if (entity.found() && entity.stored() != null) {
        messages[row] = entity.stored().get(position);
      }
    }
    return messages;
  }

  /** The distinct entities of a request's rows for some join keys, and which one each row is. */
  private record DistinctEntities(
      List<JoinKeySpec> joinKeys, List<List<Object>> entities, int[] rowToEntity) {
    static DistinctEntities of(FeatureViewSpec view, Map<String, List<Object>> entities, int rows) {
      List<List<Object>> columns = new ArrayList<>(view.joinKeys().size());
      for (JoinKeySpec joinKey : view.joinKeys()) {
        List<Object> column = entities.get(joinKey.name());
        if (column == null) {
          throw RequestException.malformed(
              "the entities lack join key '"
                  + joinKey.name()
                  + "' of feature view '"
                  + view.name()
                  + "'");
        }
        columns.add(column);
      }
      Map<List<Object>, Integer> distinct = new LinkedHashMap<>();
      int[] pointers = new int[rows];
      for (int row = 0; row < rows; row++) {
        List<Object> key = new ArrayList<>(columns.size());
        for (List<Object> column : columns) {
          key.add(column.get(row));
        }
        Integer at = distinct.putIfAbsent(key, distinct.size());
        pointers[row] = at == null ? distinct.size() - 1 : at;
      }
      return new DistinctEntities(view.joinKeys(), new ArrayList<>(distinct.keySet()), pointers);
    }
  }

  private static FeatureColumn column(
      Feature feature,
      List<StoredRow> stored,
      int[] rowToEntity,
      int position,
      int rows,
      Instant now) {
    Instant oldestValid = feature.view().ttl().isZero() ? null : now.minus(feature.view().ttl());
    Object[] values = new Object[rows];
    FeatureStatus[] statuses = new FeatureStatus[rows];
    Instant[] timestamps = new Instant[rows];
    for (int row = 0; row < rows; row++) {
      StoredRow entity = stored.get(rowToEntity[row]);
      if (!entity.found()) {
        statuses[row] = FeatureStatus.NOT_FOUND;
        timestamps[row] = Instant.EPOCH;
        continue;
      }
      Object value = entity.values().get(position);
      values[row] = value;
      timestamps[row] = entity.eventTimestamp();
      if (value == null) {
        statuses[row] = FeatureStatus.NULL_VALUE;
      } else if (oldestValid != null && entity.eventTimestamp().isBefore(oldestValid)) {
        statuses[row] = FeatureStatus.OUTSIDE_MAX_AGE;
      } else {
        statuses[row] = FeatureStatus.PRESENT;
      }
    }
    return new FeatureColumn(
        Arrays.asList(values), Arrays.asList(statuses), Arrays.asList(timestamps));
  }
}
