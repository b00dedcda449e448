package dev.freshet.runtime.server;

import dev.freshet.runtime.error.ErrorKind;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Set;

/**
 * What every request on one connection passes before anything decodes it: a body in an encoding the
 * server cannot decode is refused (415), and a body that does not fit in the {@link DecodingBudget}
 * is refused at once (503 with {@code Retry-After}), before its body is decoded; a chunked or
 * compressed body counts as the largest allowed, which is what it may decode to. The refused body
 * is then read and dropped as it comes (it costs no memory) and the connection closes once it has
 * come, or after {@link #DRAIN_TIME}: closing while the client still sends would reset the
 * connection, and most clients would report a broken pipe instead of the answer. A taken request
 * holds its share of the budget until its response is written (in order, as HTTP/1.1 answers), or
 * the connection closes.
 */
final class RequestGate extends ChannelDuplexHandler {
  /** What Micronaut's decompressor decodes; any other encoding would reach a parser as bytes. */
  private static final Set<String> DECODABLE =
      Set.of("identity", "gzip", "x-gzip", "deflate", "x-deflate");

  /** The longest a refused request's body is read and dropped before the connection closes. */
  static final Duration DRAIN_TIME = Duration.ofSeconds(5);

  private final DecodingBudget budget;
  private final long maxRequestSize;
  private final ConnectionLimit connections;

  /** The budget each unanswered request of this connection took, oldest first. */
  private final ArrayDeque<Long> held = new ArrayDeque<>();

  /**
   * Set once a request was refused: what is left of its body is dropped, then the connection
   * closes.
   */
  private boolean refusing;

  /** Whether the refused request's body has all come (or none will), and the refusal was sent. */
  private boolean bodyDrained;

  private boolean refusalSent;
  private long drainedBytes;

  RequestGate(DecodingBudget budget, long maxRequestSize, ConnectionLimit connections) {
    this.budget = budget;
    this.maxRequestSize = maxRequestSize;
    this.connections = connections;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    connections.active(ctx.channel());
    if (refusing) {
      if (msg instanceof HttpContent content) {
        drainedBytes += content.content().readableBytes();
        bodyDrained |= msg instanceof LastHttpContent || drainedBytes > maxRequestSize;
      }
      io.netty.util.ReferenceCountUtil.release(msg);
      closeWhenDrained(ctx);
      return;
    }
    if (msg instanceof HttpRequest request) {
      String encoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
      if (encoding != null && !DECODABLE.contains(encoding.trim().toLowerCase(Locale.ROOT))) {
        refuse(
            ctx,
            msg,
            ErrorKind.UNSUPPORTED_CONTENT_ENCODING,
            "Content-Encoding "
                + encoding
                + " is not one the server decodes; send gzip, deflate or none");
        return;
      }
      long length = HttpUtil.getContentLength(request, -1L);
      // chunked, or compressed (what it decodes to is known only once decoded): the most it may be
      boolean encoded = encoding != null && !encoding.trim().equalsIgnoreCase("identity");
      long share = length >= 0 && !encoded ? length : maxRequestSize;
      if (!budget.tryTake(share)) {
        refuse(
            ctx,
            msg,
            ErrorKind.SERVER_BUSY,
            "the server is decoding as many request bytes as it takes at once (freshet.serving.max-decoding-bytes, "
                + budget.limit()
                + "); retry in a second");
        return;
      }
      held.addLast(share);
      inFlight = held.size();
    }
    ctx.fireChannelRead(msg);
  }

  private void refuse(ChannelHandlerContext ctx, Object request, ErrorKind kind, String message) {
    refusing = true;
    // A client that waits for 100 Continue sends no body once it has the refusal.
    bodyDrained =
        HttpUtil.is100ContinueExpected((HttpRequest) request) || request instanceof LastHttpContent;
    io.netty.handler.codec.http.HttpVersion version = ((HttpRequest) request).protocolVersion();
    io.netty.util.ReferenceCountUtil.release(request);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            version,
            HttpResponseStatus.valueOf(kind.status()),
            Unpooled.wrappedBuffer(ErrorResponses.body(kind, message)));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    if (kind == ErrorKind.SERVER_BUSY) {
      response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
    }
    // Answered once every request before it was: the earlier responses keep their order.
    // The drain time runs from the refusal's answer: the responses before it may take longer.
    Runnable answer =
        () ->
            ctx.writeAndFlush(response)
                .addListener(
                    written -> {
                      refusalSent = true;
                      closeWhenDrained(ctx);
                      ctx.executor()
                          .schedule(
                              () -> ctx.close(),
                              DRAIN_TIME.toMillis(),
                              java.util.concurrent.TimeUnit.MILLISECONDS);
                    });
    if (held.isEmpty()) {
      answer.run();
    } else {
      pendingRefusal = answer;
    }
  }

  private void closeWhenDrained(ChannelHandlerContext ctx) {
    if (refusalSent && bodyDrained) {
      ctx.close();
    }
  }

  /** A refusal waiting for the responses to the requests taken before it. */
  private Runnable pendingRefusal;

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    boolean informational =
        msg instanceof HttpResponse response
            && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    ctx.write(msg, promise);
    if (msg instanceof LastHttpContent && !informational && !held.isEmpty()) {
      budget.giveBack(held.removeFirst());
      inFlight = held.size();
      if (held.isEmpty() && pendingRefusal != null) {
        Runnable refusal = pendingRefusal;
        pendingRefusal = null;
        ctx.executor().execute(refusal);
      }
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    OutOfMemory.haltIfOutOfMemory(cause);
    ctx.fireExceptionCaught(cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    while (!held.isEmpty()) {
      budget.giveBack(held.removeFirst());
    }
    inFlight = 0;
    ctx.fireChannelInactive();
  }

  /** Requests taken and not yet answered, read by the connection limit from other threads. */
  private volatile int inFlight;

  /** Whether this connection has a request in hand, which the connection limit leaves alone. */
  boolean busy() {
    return inFlight > 0;
  }
}
