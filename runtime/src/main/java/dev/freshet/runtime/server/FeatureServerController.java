package dev.freshet.runtime.server;

import dev.freshet.runtime.historical.HistoricalRequests;
import dev.freshet.runtime.materialize.MaterializeRequests;
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
  private final MaterializeRequests materialization;
  private final HistoricalRequests historicalRequests;

  public FeatureServerController(
      OnlineFeatures onlineFeatures,
      Pushes pushes,
      MaterializeRequests materialization,
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
  @Post(uri = "/materialize", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> materialize(HttpRequest<byte[]> request) {
    return HttpResponse.ok(materialization.materialize(body(request)))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Guarded(Access.WRITE)
  @Post(
      uri = "/materialize-incremental",
      consumes = MediaType.ALL,
      produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> materializeIncremental(HttpRequest<byte[]> request) {
    return HttpResponse.ok(materialization.materializeIncremental(body(request)))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /**
   * The request's body; an empty one (Micronaut gives it as none) is answered as any body that is
   * not a JSON object.
   */
  private static byte[] body(HttpRequest<byte[]> request) {
    return request.getBody().orElse(EMPTY);
  }
}
