package dev.freshet.runtime.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.error.ErrorKind;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.json.ValueDecoder;
import dev.freshet.runtime.offline.BatchSources;
import dev.freshet.runtime.offline.ParquetSource;
import dev.freshet.runtime.offline.ParquetTypes;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.ValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A push as rows of its batch source's file at {@code path}: a list of values per column of the
 * file's {@code schema}, typed as each column takes them ({@link ParquetTypes#appendedAs}).
 */
record OfflineRows(
    Path path, Map<String, String> schema, Map<String, List<Object>> columns, int rows) {

  /**
   * The push must give every column a feature view reads from the file, since a row with some of
   * them null would shadow older values of the others; the file's other columns may be left out
   * (written as nulls).
   */
  static OfflineRows of(PushRequest push, Path path, FeatureRegistry registry) {
    FileSourceSpec batch = push.batch();
    Map<String, String> schema = new ParquetSource(path).schema();
    Set<String> given = new LinkedHashSet<>();
    push.df().fieldNames().forEachRemaining(given::add);
    Set<String> read = readColumns(batch, registry);
    List<String> missing = read.stream().filter(column -> !given.contains(column)).toList();
    List<String> extra = given.stream().filter(column -> !schema.containsKey(column)).toList();
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new RequestException(
          ErrorKind.OFFLINE_PUSH_MISMATCH,
          "to push to the offline store, df needs the columns the feature views read from batch source '"
              + batch.name()
              + "' "
              + read
              + (missing.isEmpty() ? "" : "; missing " + missing)
              + (extra.isEmpty() ? "" : "; not columns of " + path.getFileName() + ": " + extra)
              + " (nothing was written)");
    }
    Set<String> nonFinite = acceptingNonFinite(batch, registry);
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    for (Map.Entry<String, String> column : schema.entrySet()) {
      JsonNode values = push.df().get(column.getKey());
      List<Object> typed = new ArrayList<>(push.rows());
      if (values == null) {
        typed.addAll(Collections.nCopies(push.rows(), null));
      } else {
        ValueType type = ParquetTypes.appendedAs(column.getValue());
        if (type == null) {
          throw new RequestException(
              ErrorKind.OFFLINE_PUSH_UNSUPPORTED,
              "column '"
                  + column.getKey()
                  + "' of batch source '"
                  + batch.name()
                  + "' has type "
                  + column.getValue()
                  + ", which a push cannot write offline (nothing was written)");
        }
        for (int row = 0; row < push.rows(); row++) {
          String where = "df." + column.getKey() + "[" + row + "]";
          Object value = ValueDecoder.scalar(values.get(row), where);
          typed.add(
              value == null
                  ? null
                  : ValueDecoder.decode(value, type, where, nonFinite.contains(column.getKey())));
        }
      }
      columns.put(column.getKey(), typed);
    }
    return new OfflineRows(path, schema, columns, push.rows());
  }

  /**
   * The columns of {@code batch} that may hold NaN and infinities: those read as a feature only by
   * views that accept them, since the file is read by every view of the source.
   */
  private static Set<String> acceptingNonFinite(FileSourceSpec batch, FeatureRegistry registry) {
    Set<String> accepting = new LinkedHashSet<>();
    Set<String> refusing = new LinkedHashSet<>();
    for (FeatureViewSpec view : registry.featureViews()) {
      if (BatchSources.of(registry, view).filter(batch::equals).isEmpty()) {
        continue;
      }
      view.features()
          .forEach(
              feature ->
                  (view.acceptsNonFinite() ? accepting : refusing)
                      .add(batch.columnFor(feature.name())));
    }
    accepting.removeAll(refusing);
    return accepting;
  }

  /** The columns of {@code batch} that some feature view reads: join keys, times and features. */
  private static Set<String> readColumns(FileSourceSpec batch, FeatureRegistry registry) {
    Set<String> columns = new LinkedHashSet<>();
    for (FeatureViewSpec view : registry.featureViews()) {
      if (BatchSources.of(registry, view).filter(batch::equals).isEmpty()) {
        continue;
      }
      view.joinKeys().forEach(key -> columns.add(batch.columnFor(key.name())));
      columns.add(batch.timestampField());
      if (!batch.createdTimestampColumn().isEmpty()) {
        columns.add(batch.createdTimestampColumn());
      }
      view.features().forEach(feature -> columns.add(batch.columnFor(feature.name())));
    }
    return columns;
  }
}
