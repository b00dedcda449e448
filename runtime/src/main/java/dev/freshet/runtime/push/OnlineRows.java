package dev.freshet.runtime.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.json.ValueDecoder;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.FileSourceSpec;
import dev.freshet.spec.JoinKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A push's rows for one view fed by its source, typed as the view declares its keys and features.
 */
final class OnlineRows {
  private OnlineRows() {}

  static List<PushedRow> of(FeatureViewSpec view, PushRequest push) {
    FileSourceSpec batch = push.batch();
    JsonNode df = push.df();
    JsonNode timestamps = column(df, batch.timestampField(), view);
    JsonNode created =
        batch.createdTimestampColumn().isEmpty()
            ? null
            : column(df, batch.createdTimestampColumn(), view);
    List<JsonNode> keys = new ArrayList<>();
    for (JoinKeySpec key : view.joinKeys()) {
      keys.add(column(df, key.name(), view));
    }
    List<JsonNode> features = new ArrayList<>();
    for (FeatureSpec feature : view.features()) {
      features.add(column(df, feature.name(), view));
    }
    List<PushedRow> rows = new ArrayList<>(push.rows());
    for (int row = 0; row < push.rows(); row++) {
      List<Object> keyValues = new ArrayList<>(keys.size());
      for (int k = 0; k < keys.size(); k++) {
        JoinKeySpec key = view.joinKeys().get(k);
        String where = "df." + key.name() + "[" + row + "]";
        Object value = ValueDecoder.scalar(keys.get(k).get(row), where);
        if (value == null) {
          throw RequestException.malformed(where + " is null; a join key needs a value");
        }
        keyValues.add(ValueDecoder.decode(value, key.type(), where));
      }
      String timeColumn = "df." + batch.timestampField() + "[" + row + "]";
      Instant eventTimestamp = time(timestamps.get(row), timeColumn);
      Instant createdTimestamp =
          created == null || created.get(row).isNull()
              ? null
              : time(created.get(row), "df." + batch.createdTimestampColumn() + "[" + row + "]");
      List<Object> values = new ArrayList<>(features.size());
      for (int f = 0; f < features.size(); f++) {
        FeatureSpec feature = view.features().get(f);
        String where = "df." + feature.name() + "[" + row + "]";
        Object value = ValueDecoder.scalar(features.get(f).get(row), where);
        if (value == null && !feature.nullable()) {
          throw RequestException.malformed(
              where
                  + " is null, but feature "
                  + feature.name()
                  + " of "
                  + view.name()
                  + " is not nullable");
        }
        values.add(
            value == null
                ? null
                : ValueDecoder.decode(value, feature.type(), where, view.acceptsNonFinite()));
      }
      rows.add(new PushedRow(keyValues, eventTimestamp, createdTimestamp, values));
    }
    return rows;
  }

  private static Instant time(JsonNode value, String where) {
    Object scalar = ValueDecoder.scalar(value, where);
    if (scalar == null) {
      throw RequestException.malformed(where + " is null; a timestamp needs a value");
    }
    return ValueDecoder.instant(scalar, where);
  }

  private static JsonNode column(JsonNode df, String name, FeatureViewSpec view) {
    JsonNode column = df.get(name);
    if (column == null) {
      throw RequestException.malformed(
          "df lacks column '" + name + "', which feature view '" + view.name() + "' needs");
    }
    return column;
  }
}
