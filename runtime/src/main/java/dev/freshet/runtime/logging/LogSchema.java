package dev.freshet.runtime.logging;

import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureSelectionSpec;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.OnDemandFeatureViewSpec;
import dev.freshet.spec.RequestSourceSpec;
import dev.freshet.spec.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a feature service's log, as Feast names them: the join keys (in {@code joinKeys},
 * then the request fields of its on-demand views, typed as declared); for each feature {@code
 * <view>__<feature>}, {@code <view>__<feature>__timestamp} and {@code <view>__<feature>__status};
 * then {@code __log_timestamp}, {@code __log_date} and {@code __request_id}.
 */
public record LogSchema(
    List<String> joinKeys,
    List<ValueType> joinKeyTypes,
    List<String> features,
    List<ValueType> featureTypes) {
  public static final String LOG_TIMESTAMP = "__log_timestamp";
  public static final String LOG_DATE = "__log_date";
  public static final String REQUEST_ID = "__request_id";

  /** The log of feature service {@code service}. */
  public static LogSchema of(FeatureRegistry registry, FeatureServiceSpec service) {
    List<String> keys = new ArrayList<>();
    List<ValueType> keyTypes = new ArrayList<>();
    List<String> features = new ArrayList<>();
    List<ValueType> featureTypes = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<ValueType> fieldTypes = new ArrayList<>();
    for (FeatureSelectionSpec selection : service.selections()) {
      Optional<OnDemandFeatureViewSpec> onDemand =
          registry.onDemandFeatureView(selection.featureView());
      List<String> inputViews =
          onDemand
              .map(OnDemandFeatureViewSpec::inputViews)
              .orElse(List.of(selection.featureView()));
      for (String input : inputViews) {
        for (JoinKeySpec key : registry.featureView(input).orElseThrow().joinKeys()) {
          if (!keys.contains(key.name())) {
            keys.add(key.name());
            keyTypes.add(key.type());
          }
        }
      }
      for (String source :
          onDemand.map(OnDemandFeatureViewSpec::requestSources).orElse(List.of())) {
        for (FeatureSpec field :
            ((RequestSourceSpec) registry.dataSource(source).orElseThrow()).fields()) {
          if (!fields.contains(field.name())) {
            fields.add(field.name());
            fieldTypes.add(field.type());
          }
        }
      }
      List<FeatureSpec> viewFeatures =
          onDemand
              .map(OnDemandFeatureViewSpec::features)
              .orElseGet(
                  () -> registry.featureView(selection.featureView()).orElseThrow().features());
      for (String name : selection.features()) {
        features.add(selection.projectionName() + "__" + name);
        featureTypes.add(
            viewFeatures.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow()
                .type());
      }
    }
    // The request fields of its on-demand views are logged after the join keys, as sent.
    for (int i = 0; i < fields.size(); i++) {
      if (!keys.contains(fields.get(i))) {
        keys.add(fields.get(i));
        keyTypes.add(fieldTypes.get(i));
      }
    }
    return new LogSchema(keys, keyTypes, features, featureTypes);
  }

  /**
   * Column names and SQL types of the rows as buffered (without {@code __log_date}, derived on
   * write).
   */
  List<String[]> bufferedColumns() {
    List<String[]> columns = new ArrayList<>();
    for (int i = 0; i < joinKeys.size(); i++) {
      columns.add(new String[] {joinKeys.get(i), sqlType(joinKeyTypes.get(i))});
    }
    for (int i = 0; i < features.size(); i++) {
      columns.add(new String[] {features.get(i), sqlType(featureTypes.get(i))});
      columns.add(new String[] {features.get(i) + "__timestamp", "TIMESTAMPTZ"});
      columns.add(new String[] {features.get(i) + "__status", "VARCHAR"});
    }
    columns.add(new String[] {LOG_TIMESTAMP, "TIMESTAMPTZ"});
    columns.add(new String[] {REQUEST_ID, "VARCHAR"});
    return columns;
  }

  /** Lists are logged as their text, e.g. {@code [1, 2]}. */
  static String sqlType(ValueType type) {
    return switch (type) {
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case BOOL -> "BOOLEAN";
      case BYTES -> "BLOB";
      case UNIX_TIMESTAMP -> "TIMESTAMPTZ";
      default -> "VARCHAR";
    };
  }
}
