package dev.freshet.spark;

import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an executor needs of a feature view to write its rows online, in a form Spark can ship:
 * executors rebuild the spec rather than load the registry, which a job jar may not carry.
 */
record ViewShape(
    String name,
    List<String> entities,
    List<String> keyNames,
    List<ValueType> keyTypes,
    String source,
    long ttlSeconds,
    List<String> featureNames,
    List<ValueType> featureTypes,
    List<Boolean> nullable)
    implements Serializable {

  static ViewShape of(FeatureViewSpec view) {
    return new ViewShape(
        view.name(),
        new ArrayList<>(view.entities()),
        new ArrayList<>(view.joinKeys().stream().map(JoinKeySpec::name).toList()),
        new ArrayList<>(view.joinKeys().stream().map(JoinKeySpec::type).toList()),
        view.source(),
        view.ttl().toSeconds(),
        new ArrayList<>(view.features().stream().map(FeatureSpec::name).toList()),
        new ArrayList<>(view.features().stream().map(FeatureSpec::type).toList()),
        new ArrayList<>(view.features().stream().map(FeatureSpec::nullable).toList()));
  }

  FeatureViewSpec spec() {
    List<JoinKeySpec> keys = new ArrayList<>();
    for (int i = 0; i < keyNames.size(); i++) {
      keys.add(new JoinKeySpec(keyNames.get(i), keyTypes.get(i)));
    }
    List<FeatureSpec> features = new ArrayList<>();
    for (int i = 0; i < featureNames.size(); i++) {
      features.add(new FeatureSpec(featureNames.get(i), featureTypes.get(i), nullable.get(i)));
    }
    return new FeatureViewSpec(
        name,
        entities,
        keys,
        source,
        Duration.ofSeconds(ttlSeconds),
        true,
        features,
        "",
        Map.of(),
        "");
  }
}
