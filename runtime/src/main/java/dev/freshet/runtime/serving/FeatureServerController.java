package dev.freshet.runtime.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.runtime.materialize.MaterializationJob;
import dev.freshet.runtime.serving.AccessRules.Access;
import dev.freshet.runtime.materialize.MaterializationProgress;
import dev.freshet.runtime.time.Instants;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
 * Feast's feature server API. Role and token checks happen before, in {@link AccessFilter}, by
 * the {@link Guarded} access of each method.
 * Most reads never get here: {@link DirectOnlineFeatures} answers them ahead of Micronaut's
 * routing, and leaves to this controller only those it does not take.
 * Reads answer on the event loop: one store round trip of well under a millisecond costs less
 * than a hop to another thread. Writes, which may run for minutes, go to the blocking executor.
 */
@Controller
public class FeatureServerController {

  private final OnlineFeatures onlineFeatures;
  private final Pushes pushes;
  private final MaterializationJob materialization;
  private final HistoricalRequests historicalRequests;

  public FeatureServerController(
      OnlineFeatures onlineFeatures, Pushes pushes, MaterializationJob materialization, HistoricalRequests historicalRequests) {
    this.onlineFeatures = onlineFeatures;
    this.historicalRequests = historicalRequests;
    this.pushes = pushes;
    this.materialization = materialization;
  }

  /**
   * The response is written straight into a pooled network buffer, which Netty sends and then
   * releases: a 100-entity answer is about 250 KB, and copying it twice more per request showed
   * up in the pauses of the collector.
   */
  @Guarded(Access.READ)
  @Post(uri = "/get-online-features", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<ByteBuf> getOnlineFeatures(@Body @Nullable byte[] body) {
    ByteBuf response = PooledByteBufAllocator.DEFAULT.buffer(OnlineFeatures.FIRST_RESPONSE_BUFFER_SIZE);
    try {
      onlineFeatures.handle(orEmpty(body), new ByteBufOutputStream(response));
    } catch (RuntimeException e) {
      response.release();
      throw e;
    }
    return HttpResponse.ok(response).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Guarded(Access.READ)
  @Post(uri = "/get-historical-features", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> getHistoricalFeatures(@Body @Nullable byte[] body) {
    return HttpResponse.ok(historicalRequests.handle(orEmpty(body))).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Guarded(Access.WRITE)
  @Post(uri = "/push", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Void> push(@Body @Nullable byte[] body) {
    pushes.handle(orEmpty(body));
    return HttpResponse.ok();
  }

  @Guarded(Access.WRITE)
  @Post(uri = "/materialize", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Void> materialize(@Body @Nullable byte[] body) {
    JsonNode request = JsonBodies.object(orEmpty(body));
    Instant start = time(request, "start_ts");
    Instant end = time(request, "end_ts");
    if (!start.isBefore(end)) {
      throw ApiException.malformed("start_ts " + start + " is not before end_ts " + end);
    }
    materialization.materialize(views(request), start, end, MaterializationProgress.SILENT);
    return HttpResponse.ok();
  }

  @Guarded(Access.WRITE)
  @Post(uri = "/materialize-incremental", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Void> materializeIncremental(@Body @Nullable byte[] body) {
    JsonNode request = JsonBodies.object(orEmpty(body));
    Instant end = time(request, "end_ts");
    materialization.materializeIncremental(views(request), end, MaterializationProgress.SILENT);
    return HttpResponse.ok();
  }

  /** Micronaut gives an empty body as none; it is answered as any body that is not a JSON object. */
  private static byte[] orEmpty(@Nullable byte[] body) {
    return body == null ? new byte[0] : body;
  }

  private static Instant time(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || !value.isTextual()) {
      throw ApiException.malformed(field + " must be a time such as \"2021-01-01T00:00:00\"");
    }
    try {
      return Instants.parse(value.textValue());
    } catch (IllegalArgumentException e) {
      throw ApiException.malformed(field + ": " + e.getMessage());
    }
  }

  private static List<String> views(JsonNode request) {
    JsonNode views = request.get("feature_views");
    List<String> names = new ArrayList<>();
    if (views == null || views.isNull()) {
      return names;
    }
    if (!views.isArray()) {
      throw ApiException.malformed("feature_views must be an array of view names, or null for every online view");
    }
    views.forEach(v -> names.add(v.asText()));
    return names;
  }
}
