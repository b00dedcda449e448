package dev.freshet.runtime.server;

import dev.freshet.runtime.serving.OnlineFeatures;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Arrays;
import java.util.Date;

/**
 * One HTTP/1 connection's {@code POST /get-online-features} requests, answered here; every other
 * message goes on to Micronaut's handler after this one (see {@link DirectOnlineFeatures}).
 *
 * <p>Responses leave in the order their requests came: a request is taken only while every request
 * passed on to Micronaut has been answered in full, and only while the connection can take more
 * output (otherwise Micronaut's handler, which stops reading until its responses are written, holds
 * a client that does not read them).
 */
final class OnlineFeaturesHandler extends ChannelDuplexHandler {
  private static final int INITIAL_BODY_SIZE = 16 * 1024;

  /** What answers a request taken here. */
  interface Endpoint {
    /**
     * The response to a request with {@code body} and this {@code Authorization} header; its
     * content written into {@code buffer}, or {@code buffer} released.
     */
    FullHttpResponse answer(HttpVersion version, byte[] body, String authorization, ByteBuf buffer);
  }

  private final Endpoint endpoint;

  /** The largest body taken here: the server's limit, within what one array holds. */
  private final long maxRequestSize;

  private final boolean dateHeader;

  /** Requests passed on to Micronaut whose response has not been written in full. */
  private int passedOn;

  /** The request being read here, until its last content arrives. */
  private HttpRequest taken;

  private int expectedLength;
  private byte[] body;
  private int bodyLength;
  private long dateSecond = -1;
  private String date;

  OnlineFeaturesHandler(Endpoint endpoint, long maxRequestSize, boolean dateHeader) {
    this.endpoint = endpoint;
    this.maxRequestSize = Math.min(maxRequestSize, Integer.MAX_VALUE - 8);
    this.dateHeader = dateHeader;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (taken == null && msg instanceof HttpRequest request) {
      long length = lengthTaken(ctx, request);
      if (length < 0) {
        passedOn++;
        ctx.fireChannelRead(msg);
        return;
      }
      taken = request;
      bodyLength = 0;
      expectedLength = (int) length;
      // Grown as bytes arrive, not sized by what a client announces and may never send.
      body = new byte[Math.min(expectedLength, INITIAL_BODY_SIZE)];
    } else if (taken == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (msg instanceof HttpContent content) {
      try {
        ByteBuf bytes = content.content();
        int length = Math.min(bytes.readableBytes(), expectedLength - bodyLength);
        if (bodyLength + length > body.length) {
          body =
              Arrays.copyOf(
                  body,
                  (int) Math.min(expectedLength, Math.max(bodyLength + length, 2L * body.length)));
        }
        bytes.getBytes(bytes.readerIndex(), body, bodyLength, length);
        bodyLength += length;
      } finally {
        content.release();
      }
      if (msg instanceof LastHttpContent) {
        respond(ctx);
      }
    }
  }

  /**
   * The body length of {@code request} when this handler answers it, -1 when Micronaut does. It
   * answers the endpoint, its whole body announced by Content-Length within the server's limit,
   * with nothing Micronaut does for a request on top (decompressing, {@code 100 Continue}), and
   * nothing answered before it still due.
   */
  private long lengthTaken(ChannelHandlerContext ctx, HttpRequest request) {
    if (passedOn > 0
        || !ctx.channel().isWritable()
        || !request.decoderResult().isSuccess()
        || !HttpMethod.POST.equals(request.method())) {
      return -1;
    }
    String uri = request.uri();
    if (!uri.startsWith(DirectOnlineFeatures.PATH)
        || (uri.length() > DirectOnlineFeatures.PATH.length()
            && uri.charAt(DirectOnlineFeatures.PATH.length()) != '?')) {
      return -1;
    }
    HttpHeaders headers = request.headers();
    long length = HttpUtil.getContentLength(request, -1L);
    String encoding = headers.get(HttpHeaderNames.CONTENT_ENCODING);
    boolean answerable =
        length >= 0
            && length <= maxRequestSize
            && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
            && (encoding == null || HttpHeaderValues.IDENTITY.contentEqualsIgnoreCase(encoding))
            && !headers.contains(HttpHeaderNames.EXPECT);
    return answerable ? length : -1;
  }

  private void respond(ChannelHandlerContext ctx) {
    HttpRequest request = taken;
    byte[] requestBody = bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
    taken = null;
    body = null;
    FullHttpResponse response =
        endpoint.answer(
            request.protocolVersion(),
            requestBody,
            request.headers().get(HttpHeaderNames.AUTHORIZATION),
            ctx.alloc().buffer(OnlineFeatures.FIRST_RESPONSE_BUFFER_SIZE));
    if (dateHeader) {
      response.headers().set(HttpHeaderNames.DATE, date());
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Formatted once a second, as it changes no more often. */
  private String date() {
    long now = System.currentTimeMillis();
    if (now / 1000 != dateSecond) {
      dateSecond = now / 1000;
      date = DateFormatter.format(new Date(dateSecond * 1000));
    }
    return date;
  }

  /** Counts Micronaut's responses as they complete: the last content of each, past any 1xx. */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    boolean informational =
        msg instanceof HttpResponse response
            && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    if (msg instanceof LastHttpContent && !informational && passedOn > 0) {
      passedOn--;
    }
    ctx.write(msg, promise);
  }
}
