package dev.freshet.runtime.serving;

import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureStatus;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.json.ValueDecoder;
import dev.freshet.runtime.serving.ServingIndex.Feature;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.RequestSourceSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-demand views of one read. Before the lookup, {@link #lookups} adds every feature of their
 * input views to what the one round trip reads; after it, {@link #columns} runs each view's
 * transform once per entity row, on those values and on the request's values of its request
 * sources, and puts its features' columns where they were asked for. An input view whose entity is
 * not found gives NOT_FOUND without running the transform; an input past its ttl gives
 * OUTSIDE_MAX_AGE with the computed value; a feature's event time is the latest of its inputs'.
 */
final class OnDemandReads {
  private final FeatureRegistry registry;
  private final ServingIndex index;

  OnDemandReads(FeatureRegistry registry, ServingIndex index) {
    this.registry = registry;
    this.index = index;
  }

  /**
   * What the lookup reads: the requested stored features, in order, then each input view's
   * features; {@code requested} itself when it asks for nothing computed.
   */
  List<Feature> lookups(List<Feature> requested) {
    List<Feature> lookups = null;
    List<String> added = new ArrayList<>();
    for (Feature feature : requested) {
      if (feature.computed()) {
        if (lookups == null) {
          lookups = new ArrayList<>(requested.size());
          for (Feature stored : requested) {
            if (!stored.computed()) {
              lookups.add(stored);
            }
          }
        }
        for (String view : feature.onDemand().inputViews()) {
          if (!added.contains(view)) {
            added.add(view);
            lookups.addAll(index.featuresOf(view));
          }
        }
      }
    }
    return lookups == null ? requested : lookups;
  }

  /**
   * The requested features' columns, in request order, from the lookup's columns ({@code read}, in
   * the order of {@code lookups}) and the request's entity columns as it sent them.
   */
  List<FeatureColumn> columns(
      List<Feature> requested,
      List<Feature> lookups,
      List<FeatureColumn> read,
      Map<String, List<Object>> entities,
      int rows) {
    if (lookups == requested) {
      return read;
    }
    Map<String, FeatureColumn> byReference = new HashMap<>();
    for (int i = 0; i < lookups.size(); i++) {
      Feature feature = lookups.get(i);
      byReference.putIfAbsent(feature.view().name() + ":" + feature.name(), read.get(i));
    }
    Map<String, List<FeatureColumn>> computed = new LinkedHashMap<>();
    List<FeatureColumn> columns = new ArrayList<>(requested.size());
    int stored = 0;
    for (Feature feature : requested) {
      if (!feature.computed()) {
        columns.add(read.get(stored++));
        continue;
      }
      OnDemandFeatureViewSpec view = feature.onDemand();
      List<FeatureColumn> outputs =
          computed.computeIfAbsent(view.name(), name -> compute(view, byReference, entities, rows));
      columns.add(outputs.get(indexOf(view, feature.name())));
    }
    return columns;
  }

  private List<FeatureColumn> compute(
      OnDemandFeatureViewSpec view,
      Map<String, FeatureColumn> byReference,
      Map<String, List<Object>> entities,
      int rows) {
    // Each input's columns: a view's features as read, a request source's fields as sent.
    List<List<FeatureColumn>> viewInputs = new ArrayList<>();
    List<List<List<Object>>> requestInputs = new ArrayList<>();
    for (OnDemandFeatureViewSpec.Input input : view.inputs()) {
      if (input.request()) {
        requestInputs.add(requestValues(view, input.name(), entities, rows));
      } else {
        List<FeatureColumn> columns = new ArrayList<>();
        for (Feature feature : index.featuresOf(input.name())) {
          columns.add(byReference.get(input.name() + ":" + feature.name()));
        }
        viewInputs.add(columns);
      }
    }
    int outputs = view.features().size();
    List<List<Object>> values = new ArrayList<>(outputs);
    List<List<FeatureStatus>> statuses = new ArrayList<>(outputs);
    List<List<Instant>> times = new ArrayList<>(outputs);
    for (int f = 0; f < outputs; f++) {
      values.add(new ArrayList<>(rows));
      statuses.add(new ArrayList<>(rows));
      times.add(new ArrayList<>(rows));
    }
    for (int row = 0; row < rows; row++) {
      FeatureStatus status = FeatureStatus.PRESENT;
      Instant latest = Instant.EPOCH;
      List<List<Object>> inputs = new ArrayList<>(view.inputs().size());
      int nextView = 0;
      int nextRequest = 0;
      for (OnDemandFeatureViewSpec.Input input : view.inputs()) {
        if (input.request()) {
          List<Object> fields = new ArrayList<>();
          for (List<Object> field : requestInputs.get(nextRequest)) {
            fields.add(field.get(row));
          }
          nextRequest++;
          inputs.add(fields);
          continue;
        }
        List<Object> features = new ArrayList<>();
        for (FeatureColumn column : viewInputs.get(nextView)) {
          FeatureStatus read = column.statuses().get(row);
          if (read == FeatureStatus.NOT_FOUND) {
            status = FeatureStatus.NOT_FOUND;
          } else if (read == FeatureStatus.OUTSIDE_MAX_AGE && status != FeatureStatus.NOT_FOUND) {
            status = FeatureStatus.OUTSIDE_MAX_AGE;
          }
          Instant time = column.eventTimestamps().get(row);
          if (read != FeatureStatus.NOT_FOUND && time.isAfter(latest)) {
            latest = time;
          }
          features.add(column.values().get(row));
        }
        nextView++;
        inputs.add(features);
      }
      List<Object> computed =
          status == FeatureStatus.NOT_FOUND ? null : run(view, inputs, entities, row);
      for (int f = 0; f < outputs; f++) {
        Object value = computed == null ? null : computed.get(f);
        values.get(f).add(value);
        statuses
            .get(f)
            .add(
                status == FeatureStatus.NOT_FOUND
                    ? FeatureStatus.NOT_FOUND
                    : value == null ? FeatureStatus.NULL_VALUE : status);
        times.get(f).add(status == FeatureStatus.NOT_FOUND ? Instant.EPOCH : latest);
      }
    }
    List<FeatureColumn> columns = new ArrayList<>(outputs);
    for (int f = 0; f < outputs; f++) {
      columns.add(new FeatureColumn(values.get(f), statuses.get(f), times.get(f)));
    }
    return columns;
  }

  private static List<Object> run(
      OnDemandFeatureViewSpec view,
      List<List<Object>> inputs,
      Map<String, List<Object>> entities,
      int row) {
    try {
      return view.transform().apply(inputs);
    } catch (RuntimeException e) {
      throw new RequestException(
          ErrorKind.TRANSFORM_FAILED,
          "the transform of on-demand feature view '"
              + view.name()
              + "' threw "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + " on entity row "
              + row
              + " ("
              + describe(entities, row)
              + ")");
    }
  }

  /** {@code driver_id=1001, val_to_add=2}: the row as the request sent it. */
  private static String describe(Map<String, List<Object>> entities, int row) {
    List<String> parts = new ArrayList<>();
    entities.forEach((name, values) -> parts.add(name + "=" + values.get(row)));
    return String.join(", ", parts);
  }

  /** The request's values of each field of {@code sourceName}, typed as the fields declare. */
  private List<List<Object>> requestValues(
      OnDemandFeatureViewSpec view,
      String sourceName,
      Map<String, List<Object>> entities,
      int rows) {
    RequestSourceSpec source = (RequestSourceSpec) registry.dataSource(sourceName).orElseThrow();
    List<List<Object>> fields = new ArrayList<>(source.fields().size());
    for (FeatureSpec field : source.fields()) {
      List<Object> sent = entities.get(field.name());
      if (sent == null) {
        throw RequestException.malformed(
            "the request has no entities."
                + field.name()
                + ", which on-demand feature view '"
                + view.name()
                + "' takes from request source '"
                + sourceName
                + "'; send it beside the join keys, one value per entity row");
      }
      String where = "entities." + field.name();
      Object[] typed = new Object[rows];
      for (int row = 0; row < rows; row++) {
        Object value = sent.get(row);
        if (value == null) {
          if (!field.nullable()) {
            throw RequestException.malformed(
                where
                    + "["
                    + row
                    + "] is null, but field "
                    + field.name()
                    + " of request source '"
                    + sourceName
                    + "' is not nullable");
          }
          continue;
        }
        typed[row] = ValueDecoder.decode(value, field.type(), where, row);
      }
      fields.add(Arrays.asList(typed));
    }
    return fields;
  }

  private static int indexOf(OnDemandFeatureViewSpec view, String feature) {
    for (int f = 0; f < view.features().size(); f++) {
      if (view.features().get(f).name().equals(feature)) {
        return f;
      }
    }
    throw new IllegalArgumentException(feature);
  }
}
