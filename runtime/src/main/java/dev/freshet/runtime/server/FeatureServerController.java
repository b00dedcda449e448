package dev.freshet.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.error.RequestException;
import dev.freshet.runtime.historical.HistoricalRequests;
import dev.freshet.runtime.json.JsonBodies;
import dev.freshet.runtime.json.ValueDecoder;
import dev.freshet.runtime.materialize.MaterializationJob;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.push.Pushes;
import dev.freshet.runtime.server.AccessRules.Access;
import dev.freshet.runtime.serving.OnlineFeatures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Feast's feature server API. Role and token checks happen before, in {@link AccessFilter}, by the
 * {@link Guarded} access of each method. Most reads never get here: {@link DirectOnlineFeatures}
 * answers them ahead of Micronaut's routing, and leaves to this controller only those it does not
 * take. Reads answer on the event loop: one store round trip of well under a millisecond costs less
 * than a hop to another thread. Writes, which may run for minutes, go to the blocking executor.
 */
@Controller
public class FeatureServerController {
  private static final byte[] EMPTY = new byte[0];

  private final OnlineFeatures onlineFeatures;
  private final Pushes pushes;
  private final MaterializationJob materialization;
  private final HistoricalRequests historicalRequests;

  public FeatureServerController(
      OnlineFeatures onlineFeatures,
      Pushes pushes,
      MaterializationJob materialization,
      HistoricalRequests historicalRequests) {
    this.onlineFeatures = onlineFeatures;
    this.historicalRequests = historicalRequests;
    this.pushes = pushes;
    this.materialization = materialization;
  }

  /**
   * The response is written straight into a pooled network buffer, which Netty sends and then
   * releases: a 100-entity answer is about 250 KB, and copying it twice more per request showed up
   * in the pauses of the collector.
   */
  @Guarded(Access.READ)
  @Post(
      uri = "/get-online-features",
      consumes = MediaType.ALL,
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<ByteBuf> getOnlineFeatures(HttpRequest<byte[]> request) {
    ByteBuf response =
        PooledByteBufAllocator.DEFAULT.buffer(OnlineFeatures.FIRST_RESPONSE_BUFFER_SIZE);
    try {
      onlineFeatures.handle(body(request), new ByteBufOutputStream(response));
    } catch (RuntimeException e) {
      response.release();
      throw e;
    }
    return HttpResponse.ok(response).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Guarded(Access.READ)
  @Post(
      uri = "/get-historical-features",
      consumes = MediaType.ALL,
      produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> getHistoricalFeatures(HttpRequest<byte[]> request) {
    return HttpResponse.ok(historicalRequests.handle(body(request)))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Guarded(Access.WRITE)
  @Post(uri = "/push", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Void> push(HttpRequest<byte[]> request) {
    pushes.handle(body(request));
    return HttpResponse.ok();
  }

  @Guarded(Access.WRITE)
  @Post(uri = "/materialize", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Void> materialize(HttpRequest<byte[]> http) {
    JsonNode request = JsonBodies.object(body(http));
    Instant start = time(request, "start_ts");
    Instant end = time(request, "end_ts");
    if (!start.isBefore(end)) {
      throw RequestException.malformed("start_ts " + start + " is not before end_ts " + end);
    }
    materialization.materialize(views(request), start, end, MaterializationProgress.SILENT);
    return HttpResponse.ok();
  }

  @Guarded(Access.WRITE)
  @Post(uri = "/materialize-incremental", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Void> materializeIncremental(HttpRequest<byte[]> http) {
    JsonNode request = JsonBodies.object(body(http));
    Instant end = time(request, "end_ts");
    materialization.materializeIncremental(views(request), end, MaterializationProgress.SILENT);
    return HttpResponse.ok();
  }

  /**
   * The request's body; an empty one (Micronaut gives it as none) is answered as any body that is
   * not a JSON object.
   */
  private static byte[] body(HttpRequest<byte[]> request) {
    return request.getBody().orElse(EMPTY);
  }

  private static Instant time(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      throw RequestException.malformed(field + " must be a time such as \"2021-01-01T00:00:00\"");
    }
    return ValueDecoder.instant(ValueDecoder.scalar(value, field), field);
  }

  private static List<String> views(JsonNode request) {
    JsonNode views = request.get("feature_views");
    List<String> names = new ArrayList<>();
    if (views == null || views.isNull()) {
      return names;
    }
    if (!views.isArray()) {
      throw RequestException.malformed(
          "feature_views must be an array of view names, or null for every online view");
    }
    views.forEach(v -> names.add(v.asText()));
    return names;
  }
}
