package dev.freshet.runtime.server.grpc;

import dev.freshet.feast.proto.types.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Feast's {@code Value} messages in: a value becomes the scalar the JSON API would have read (Long,
 * Double, String, Boolean, null or a list of those), which {@link
 * dev.freshet.runtime.json.ValueDecoder} then types by the one rule of every endpoint: a gRPC
 * request is checked exactly as its JSON twin. (Out, {@link GrpcAnswers} writes Feast's bytes.)
 */
final class GrpcValues {
  private GrpcValues() {}

  /** A request's value as the scalar JSON would give. */
  static Object scalar(Value value) {
    return switch (value.getValCase()) {
      case BYTES_VAL -> base64(value.getBytesVal().toByteArray());
      case STRING_VAL -> value.getStringVal();
      case INT32_VAL -> (long) value.getInt32Val();
      case INT64_VAL -> value.getInt64Val();
      case DOUBLE_VAL -> value.getDoubleVal();
      case FLOAT_VAL -> floatAsDouble(value.getFloatVal());
      case BOOL_VAL -> value.getBoolVal();
      case UNIX_TIMESTAMP_VAL -> Instant.ofEpochSecond(value.getUnixTimestampVal()).toString();
      case BYTES_LIST_VAL ->
          map(value.getBytesListVal().getValList(), b -> base64(b.toByteArray()));
      case STRING_LIST_VAL -> new ArrayList<Object>(value.getStringListVal().getValList());
      case INT32_LIST_VAL -> map(value.getInt32ListVal().getValList(), Integer::longValue);
      case INT64_LIST_VAL -> new ArrayList<Object>(value.getInt64ListVal().getValList());
      case DOUBLE_LIST_VAL -> new ArrayList<Object>(value.getDoubleListVal().getValList());
      case FLOAT_LIST_VAL -> map(value.getFloatListVal().getValList(), GrpcValues::floatAsDouble);
      case BOOL_LIST_VAL -> new ArrayList<Object>(value.getBoolListVal().getValList());
      case UNIX_TIMESTAMP_LIST_VAL ->
          map(
              value.getUnixTimestampListVal().getValList(),
              seconds -> Instant.ofEpochSecond(seconds).toString());
      case NULL_VAL, VAL_NOT_SET -> null;
    };
  }

  /** A float as the double its shortest text is: 0.4f is 0.4, not 0.4000000059604645. */
  private static Object floatAsDouble(float value) {
    return Double.parseDouble(Float.toString(value));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static <T> List<Object> map(List<T> items, java.util.function.Function<T, Object> f) {
    List<Object> mapped = new ArrayList<>(items.size());
    for (T item : items) {
      mapped.add(f.apply(item));
    }
    return mapped;
  }
}
