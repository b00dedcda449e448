package dev.freshet.runtime.historical;

import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a point-in-time join needs of a query and its entity rows, checked the same way by every
 * engine: the join keys the views ask for, with their types, and the features grouped by view.
 *
 * @param joinKeys each join key of the requested views, in order of first use
 * @param byView the requested features of each view, in order of first use
 */
public record JoinPlan(
    Map<String, ValueType> joinKeys, Map<FeatureViewSpec, List<RequestedFeature>> byView) {

  /**
   * Checks that the entity rows, with columns {@code entityColumns}, have an event timestamp and
   * every join key, and no column a feature would be written to.
   *
   * @throws HistoricalRequestException naming the missing or clashing column and the rows' columns
   */
  public static JoinPlan check(HistoricalQuery query, Collection<String> entityColumns) {
    if (!entityColumns.contains(EntityRows.EVENT_TIMESTAMP)) {
      throw new HistoricalRequestException(
          "the entity rows have no '"
              + EntityRows.EVENT_TIMESTAMP
              + "' column, the time each row wants features as of; they have "
              + entityColumns);
    }
    Map<String, ValueType> keys = new LinkedHashMap<>();
    Map<FeatureViewSpec, List<RequestedFeature>> byView = new LinkedHashMap<>();
    for (FeatureSpec field : query.requestFields()) {
      if (!entityColumns.contains(field.name())) {
        throw new HistoricalRequestException(
            "the entity rows have no '"
                + field.name()
                + "' column, a request field that "
                + query.computed().stream()
                    .map(f -> "on-demand feature view '" + f.onDemand().name() + "'")
                    .distinct()
                    .collect(Collectors.joining(" and "))
                + " computes with; they have "
                + entityColumns);
      }
    }
    for (RequestedFeature feature : query.computed()) {
      if (entityColumns.contains(feature.column())) {
        throw new HistoricalRequestException(
            "the entity rows already have a column '"
                + feature.column()
                + "'; rename it or ask for full feature names (view__feature)");
      }
    }
    for (RequestedFeature feature : query.joined()) {
      byView.computeIfAbsent(feature.view(), view -> new ArrayList<>()).add(feature);
      for (JoinKeySpec key : feature.view().joinKeys()) {
        if (!entityColumns.contains(key.name())) {
          throw new HistoricalRequestException(
              "the entity rows have no '"
                  + key.name()
                  + "' column, the join key of feature view '"
                  + feature.view().name()
                  + "'; they have "
                  + entityColumns);
        }
        keys.putIfAbsent(key.name(), key.type());
      }
      if (entityColumns.contains(feature.column())) {
        throw new HistoricalRequestException(
            "the entity rows already have a column '"
                + feature.column()
                + "'; rename it or ask for full feature names (view__feature)");
      }
    }
    return new JoinPlan(keys, byView);
  }
}
