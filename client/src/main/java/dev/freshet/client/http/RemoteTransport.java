package dev.freshet.client.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.freshet.client.FeatureClientException;
import dev.freshet.client.FeatureColumn;
import dev.freshet.client.FeatureRef;
import dev.freshet.client.FeatureStatus;
import dev.freshet.client.FeatureTransport;
import dev.freshet.client.OnlineRequest;
import dev.freshet.client.OnlineResponse;
import dev.freshet.spec.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reads features from a feature server over HTTP, as Feast's JSON API. */
public final class RemoteTransport implements FeatureTransport {
  private static final JsonFactory JSON = new JsonFactory();

  private final HttpClient http;
  private final URI endpoint;
  private final Duration timeout;

  private RemoteTransport(HttpClient http, URI server, Duration timeout) {
    this.http = http;
    this.endpoint = server.resolve("/get-online-features");
    this.timeout = timeout;
  }

  /** A transport to the feature server at {@code server}, e.g. {@code http://features:6566}. */
  public static RemoteTransport of(URI server) {
    return of(
        server,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        Duration.ofSeconds(10));
  }

  /** A transport sharing {@code http} (its connection pool), with a timeout per request. */
  public static RemoteTransport of(URI server, HttpClient http, Duration timeout) {
    return new RemoteTransport(http, server, timeout);
  }

  @Override
  public OnlineResponse read(OnlineRequest request) {
    HttpRequest call =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(call, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new FeatureClientException(
          "cannot reach the feature server at " + endpoint + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeatureClientException("interrupted while calling " + endpoint, e);
    }
    if (response.statusCode() != 200) {
      throw new FeatureClientException(
          "the feature server at "
              + endpoint
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return parse(response.body(), request.features());
  }

  /** The request as Feast's JSON; full feature names so that no two columns share a name. */
  static byte[] body(OnlineRequest request) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + request.rowCount() * 8);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      if (!request.featureService().isEmpty()) {
        out.writeStringField("feature_service", request.featureService());
      } else {
        out.writeArrayFieldStart("features");
        for (FeatureRef feature : request.features()) {
          out.writeString(feature.reference());
        }
        out.writeEndArray();
      }
      out.writeObjectFieldStart("entities");
      for (Map.Entry<String, List<?>> column : request.entities().entrySet()) {
        out.writeArrayFieldStart(column.getKey());
        for (Object value : column.getValue()) {
          writeValue(out, value);
        }
        out.writeEndArray();
      }
      out.writeEndObject();
      out.writeBooleanField("full_feature_names", true);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A join key's or request field's value as the server's JSON reads it: numbers as numbers (a
   * double keeps its fraction), bytes in base64, a time and anything else as its string.
   */
  private static void writeValue(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isFinite(number)) {
        out.writeNumber(number);
      } else {
        out.writeString(String.valueOf(number));
      }
    } else if (value instanceof Number number) {
      out.writeNumber(number.longValue());
    } else if (value instanceof Boolean bool) {
      out.writeBoolean(bool);
    } else if (value instanceof byte[] bytes) {
      out.writeString(Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object element : list) {
        writeValue(out, element);
      }
      out.writeEndArray();
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  /** The feature columns of a response: the last {@code features.size()} results, typed. */
  static OnlineResponse parse(byte[] body, List<FeatureRef> features) {
    List<FeatureColumn> all = new ArrayList<>();
    try (JsonParser in = JSON.createParser(body)) {
      expect(in.nextToken(), JsonToken.START_OBJECT);
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        in.nextToken();
        if (!field.equals("results")) {
          in.skipChildren();
          continue;
        }
        expect(in.currentToken(), JsonToken.START_ARRAY);
        for (JsonToken result = in.nextToken();
            result != JsonToken.END_ARRAY;
            result = in.nextToken()) {
          all.add(column(in));
        }
        if (all.size() < features.size()) {
          throw new FeatureClientException(
              "the response holds " + all.size() + " columns for " + features.size() + " features");
        }
      }
    } catch (IOException e) {
      throw new FeatureClientException(
          "the feature server's response is not the JSON expected: " + e.getMessage(), e);
    }
    List<FeatureColumn> typed = new ArrayList<>(features.size());
    int offset = all.size() - features.size();
    for (int i = 0; i < features.size(); i++) {
      FeatureColumn raw = all.get(offset + i);
      ValueType type = features.get(i).type();
      List<Object> values = new ArrayList<>(raw.values().size());
      for (Object value : raw.values()) {
        values.add(typed(value, type));
      }
      typed.add(new FeatureColumn(values, raw.statuses(), raw.eventTimestamps()));
    }
    return new OnlineResponse(typed);
  }

  /** One result: values as parsed (numbers as Long or Double), statuses, event timestamps. */
  private static FeatureColumn column(JsonParser in) throws IOException {
    List<Object> values = new ArrayList<>();
    List<FeatureStatus> statuses = new ArrayList<>();
    List<Instant> timestamps = new ArrayList<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String field = in.currentName();
      expect(in.nextToken(), JsonToken.START_ARRAY);
      for (JsonToken item = in.nextToken(); item != JsonToken.END_ARRAY; item = in.nextToken()) {
        switch (field) {
          case "values" -> values.add(value(in));
          case "statuses" -> statuses.add(FeatureStatus.valueOf(in.getText()));
          case "event_timestamps" -> timestamps.add(Instant.parse(in.getText()));
          default -> in.skipChildren();
        }
      }
    }
    return new FeatureColumn(values, statuses, timestamps);
  }

  private static Object value(JsonParser in) throws IOException {
    return switch (in.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> in.getLongValue();
      case VALUE_NUMBER_FLOAT -> in.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> in.getText();
      case START_ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (JsonToken item = in.nextToken(); item != JsonToken.END_ARRAY; item = in.nextToken()) {
          items.add(value(in));
        }
        yield items;
      }
      default ->
          throw new FeatureClientException("unexpected " + in.currentToken() + " among values");
    };
  }

  /** A parsed JSON value as the Java type of {@code type}. */
  static Object typed(Object value, ValueType type) {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      List<Object> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        items.add(typed(item, type.elementType()));
      }
      return items;
    }
    return switch (type) {
      case INT32 -> ((Number) value).intValue();
      case INT64 -> ((Number) value).longValue();
      case FLOAT -> ((Number) value).floatValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case BOOL -> (Boolean) value;
      case STRING -> (String) value;
      case BYTES -> Base64.getDecoder().decode((String) value);
      case UNIX_TIMESTAMP -> Instant.ofEpochSecond(((Number) value).longValue());
      default -> value;
    };
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new FeatureClientException(
          "the feature server's response is not the JSON expected: found "
              + actual
              + " for "
              + expected);
    }
  }
}
