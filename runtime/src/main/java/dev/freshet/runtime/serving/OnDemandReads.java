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
  /**
   * What a read of one on-demand view needs, resolved once: per input, the features of its view (as
   * the index has them) or its request source.
   */
  private record Plan(List<List<Feature>> viewInputs, List<RequestSourceSpec> sources) {}

  private final Map<String, Plan> plans = new HashMap<>();

  OnDemandReads(FeatureRegistry registry, ServingIndex index) {
    for (OnDemandFeatureViewSpec view : registry.onDemandFeatureViews()) {
      List<List<Feature>> viewInputs = new ArrayList<>();
      List<RequestSourceSpec> sources = new ArrayList<>();
      for (OnDemandFeatureViewSpec.Input input : view.inputs()) {
        if (input.request()) {
          sources.add((RequestSourceSpec) registry.dataSource(input.name()).orElseThrow());
        } else {
          viewInputs.add(List.copyOf(index.featuresOf(input.name())));
        }
      }
      plans.put(view.name(), new Plan(List.copyOf(viewInputs), List.copyOf(sources)));
    }
  }

  /**
   * What the lookup reads: the requested stored features, in order, then each input view's features
   * that the request does not ask for already (each is read once); {@code requested} itself when it
   * asks for nothing computed.
   */
  List<Feature> lookups(List<Feature> requested) {
    List<Feature> lookups = null;
    List<String> planned = new ArrayList<>();
    for (Feature feature : requested) {
      if (!feature.computed() || planned.contains(feature.onDemand().name())) {
        continue;
      }
      planned.add(feature.onDemand().name());
      if (lookups == null) {
        lookups = new ArrayList<>(requested.size());
        for (Feature stored : requested) {
          if (!stored.computed()) {
            lookups.add(stored);
          }
        }
      }
      for (List<Feature> inputs : plans.get(feature.onDemand().name()).viewInputs()) {
        for (Feature input : inputs) {
          if (indexOf(lookups, input) < 0) {
            lookups.add(input);
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
    Map<String, List<FeatureColumn>> computed = new HashMap<>();
    List<FeatureColumn> columns = new ArrayList<>(requested.size());
    int stored = 0;
    for (Feature feature : requested) {
      if (!feature.computed()) {
        columns.add(read.get(stored++));
        continue;
      }
      OnDemandFeatureViewSpec view = feature.onDemand();
      List<FeatureColumn> outputs = computed.get(view.name());
      if (outputs == null) {
        outputs = compute(view, lookups, read, entities, rows);
        computed.put(view.name(), outputs);
      }
      columns.add(outputs.get(indexOf(view, feature.name())));
    }
    return columns;
  }

  private List<FeatureColumn> compute(
      OnDemandFeatureViewSpec view,
      List<Feature> lookups,
      List<FeatureColumn> read,
      Map<String, List<Object>> entities,
      int rows) {
    // Each input's columns: a view's features as read, a request source's fields as sent.
    Plan plan = plans.get(view.name());
    List<List<FeatureColumn>> viewInputs = new ArrayList<>(plan.viewInputs().size());
    for (List<Feature> features : plan.viewInputs()) {
      List<FeatureColumn> columns = new ArrayList<>(features.size());
      for (Feature feature : features) {
        columns.add(read.get(indexOf(lookups, feature)));
      }
      viewInputs.add(columns);
    }
    List<List<List<Object>>> requestInputs = new ArrayList<>(plan.sources().size());
    for (RequestSourceSpec source : plan.sources()) {
      requestInputs.add(requestValues(view, source, entities, rows));
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
      int count = view.inputs().size();
      List<List<Object>> inputs = new ArrayList<>(count);
      int nextView = 0;
      int nextRequest = 0;
      for (int i = 0; i < count; i++) {
        if (view.inputs().get(i).request()) {
          List<List<Object>> sent = requestInputs.get(nextRequest++);
          Object[] fields = new Object[sent.size()];
          for (int f = 0; f < fields.length; f++) {
            fields[f] = sent.get(f).get(row);
          }
          inputs.add(Arrays.asList(fields));
          continue;
        }
        List<FeatureColumn> columns = viewInputs.get(nextView++);
        Object[] features = new Object[columns.size()];
        for (int f = 0; f < features.length; f++) {
          FeatureColumn column = columns.get(f);
          FeatureStatus found = column.statuses().get(row);
          if (found == FeatureStatus.NOT_FOUND) {
            status = FeatureStatus.NOT_FOUND;
          } else if (found == FeatureStatus.OUTSIDE_MAX_AGE && status != FeatureStatus.NOT_FOUND) {
            status = FeatureStatus.OUTSIDE_MAX_AGE;
          }
          features[f] = column.values().get(row);
        }
        // The features of a view come from one stored row, with one event time.
        if (!columns.isEmpty() && columns.get(0).statuses().get(row) != FeatureStatus.NOT_FOUND) {
          Instant time = columns.get(0).eventTimestamps().get(row);
          if (time.isAfter(latest)) {
            latest = time;
          }
        }
        inputs.add(Arrays.asList(features));
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
          view.transformFailed(e) + " on entity row " + row + " (" + describe(entities, row) + ")");
    }
  }

  /** {@code driver_id=1001, val_to_add=2}: the row as the request sent it. */
  private static String describe(Map<String, List<Object>> entities, int row) {
    List<String> parts = new ArrayList<>();
    entities.forEach((name, values) -> parts.add(name + "=" + values.get(row)));
    return String.join(", ", parts);
  }

  /** The position of {@code feature}'s view and name among {@code lookups}, or -1. */
  private static int indexOf(List<Feature> lookups, Feature feature) {
    for (int i = 0; i < lookups.size(); i++) {
      Feature lookup = lookups.get(i);
      if (lookup.name().equals(feature.name())
          && lookup.view().name().equals(feature.view().name())) {
        return i;
      }
    }
    return -1;
  }

  /** The request's values of each field of {@code source}, typed as the fields declare. */
  private static List<List<Object>> requestValues(
      OnDemandFeatureViewSpec view,
      RequestSourceSpec source,
      Map<String, List<Object>> entities,
      int rows) {
    String sourceName = source.name();
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
