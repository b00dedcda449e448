package dev.freshet.runtime.materialize;

import dev.freshet.runtime.offline.SourceColumn;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.Materializer;
import dev.freshet.spec.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed source columns a view's materializer reads: its {@link Materializer#columns()} names
 * (after the field mapping), with the types the view declares, in the same positions.
 */
public final class SourceColumns {
  private SourceColumns() {}

  public static List<SourceColumn> of(
      FeatureViewSpec view, FileSourceSpec source, Materializer<?> materializer) {
    List<ValueType> types = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      types.add(key.type());
    }
    types.add(ValueType.UNIX_TIMESTAMP);
    if (!source.createdTimestampColumn().isEmpty()) {
      types.add(ValueType.UNIX_TIMESTAMP);
    }
    for (FeatureSpec feature : view.features()) {
      types.add(feature.type());
    }
    List<String> names = materializer.columns();
    if (names.size() != types.size()) {
      throw new IllegalStateException(
          "the materializer of "
              + view.name()
              + " reads "
              + names
              + ", which does not match the view; rebuild the repository");
    }
    List<SourceColumn> columns = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      columns.add(new SourceColumn(names.get(i), types.get(i)));
    }
    return columns;
  }
}
