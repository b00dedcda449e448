package dev.freshet.runtime.serving;

import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureStatus;
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
   * @throws ApiException when a view's join key is missing
   */
  static List<FeatureColumn> lookup(
      OnlineStore store, List<Feature> features, Map<String, List<Object>> entities, int rows, Instant now) {
    // One read per view, of the view's distinct entities; rows point at them.
    Map<FeatureViewSpec, List<Feature>> byView = new LinkedHashMap<>();
    features.forEach(f -> byView.computeIfAbsent(f.view(), v -> new ArrayList<>()).add(f));
    List<ViewRead> reads = new ArrayList<>(byView.size());
    List<int[]> rowToEntity = new ArrayList<>(byView.size());
    for (Map.Entry<FeatureViewSpec, List<Feature>> entry : byView.entrySet()) {
      FeatureViewSpec view = entry.getKey();
      Map<List<Object>, Integer> distinct = new LinkedHashMap<>();
      int[] pointers = new int[rows];
      for (int row = 0; row < rows; row++) {
        List<Object> key = new ArrayList<>(view.joinKeys().size());
        for (JoinKeySpec joinKey : view.joinKeys()) {
          List<Object> column = entities.get(joinKey.name());
          if (column == null) {
            throw ApiException.malformed(
                "the entities lack join key '" + joinKey.name() + "' of feature view '" + view.name() + "'");
          }
          key.add(column.get(row));
        }
        Integer at = distinct.putIfAbsent(key, distinct.size());
        pointers[row] = at == null ? distinct.size() - 1 : at;
      }
      reads.add(new ViewRead(view, entry.getValue().stream().map(Feature::name).toList(), new ArrayList<>(distinct.keySet())));
      rowToEntity.add(pointers);
    }
    List<List<StoredRow>> stored = store.read(reads);

    List<FeatureViewSpec> views = new ArrayList<>(byView.keySet());
    List<FeatureColumn> columns = new ArrayList<>(features.size());
    for (Feature feature : features) {
      int view = views.indexOf(feature.view());
      int position = byView.get(feature.view()).indexOf(feature);
      columns.add(column(feature, stored.get(view), rowToEntity.get(view), position, rows, now));
    }
    return columns;
  }

  private static FeatureColumn column(
      Feature feature, List<StoredRow> stored, int[] rowToEntity, int position, int rows, Instant now) {
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
    return new FeatureColumn(Arrays.asList(values), Arrays.asList(statuses), Arrays.asList(timestamps));
  }
}
