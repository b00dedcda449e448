package dev.freshet.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handler between Netty's HTTP codec and a stand-in for Micronaut's handler: which requests it
 * answers, which it passes on untouched, and the order of responses on a connection.
 */
class OnlineFeaturesHandlerTest {
  private static final int MAX_REQUEST_SIZE = 64 * 1024;

  /** Requests the stand-in for Micronaut received, by method and URI; it answers when told. */
  private final List<String> passedOn = new ArrayList<>();

  private final List<String> answered = new ArrayList<>();
  private ChannelHandlerContext micronaut;
  private EmbeddedChannel channel;

  @BeforeEach
  void connect() {
    OnlineFeaturesHandler.Endpoint endpoint =
        (version, body, authorization, buffer) -> {
          String text = new String(body, StandardCharsets.UTF_8);
          answered.add(text + " " + authorization);
          buffer.writeCharSequence("features for " + text, StandardCharsets.UTF_8);
          FullHttpResponse response =
              new DefaultFullHttpResponse(version, HttpResponseStatus.OK, buffer);
          response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, buffer.readableBytes());
          return response;
        };
    channel =
        new EmbeddedChannel(
            new HttpServerCodec(),
            new OnlineFeaturesHandler(endpoint, MAX_REQUEST_SIZE, true),
            new ChannelInboundHandlerAdapter() {
              @Override
              public void handlerAdded(ChannelHandlerContext ctx) {
                micronaut = ctx;
              }

              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest request) {
                  passedOn.add(request.method() + " " + request.uri());
                }
                if (msg instanceof HttpContent content) {
                  content.release();
                }
              }
            });
  }

  @Test
  void answersAPostToTheEndpointItself() {
    send(
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 7\r\nAuthorization: Bearer t\r\n\r\n{\"a\":1}");

    String response = received();
    assertThat(response)
        .startsWith("HTTP/1.1 200 OK\r\n")
        .contains("date: ")
        .endsWith("\r\n\r\nfeatures for {\"a\":1}");
    assertThat(answered).containsExactly("{\"a\":1} Bearer t");
    assertThat(passedOn).isEmpty();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void aBodyArrivingInPiecesIsAnsweredWhole() {
    send("POST /get-online-features?x=1 HTTP/1.1\r\nContent-Length: 11\r\n\r\n{\"ab");
    assertThat(received()).isEmpty();
    send("c\":123}");

    assertThat(answered).containsExactly("{\"abc\":123} null");
    assertThat(received()).endsWith("features for {\"abc\":123}");
  }

  @Test
  void aBodyLargerThanItsFirstBufferIsAnsweredWhole() {
    String body = "[" + "1,".repeat(20_000) + "1]";
    send(
        "POST /get-online-features HTTP/1.1\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body.substring(0, 100));
    send(body.substring(100, 30_000));
    send(body.substring(30_000));

    assertThat(answered).containsExactly(body + " null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /get-online-features HTTP/1.1\r\n\r\n",
        "POST /get-online-features-2 HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}",
        "POST /push HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}",
        "POST /get-online-features HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nContent-Encoding: gzip\r\n\r\n{}",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n{}",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 65537\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\n\r\n",
      })
  void everyOtherRequestGoesOnToMicronautUntouched(String request) {
    send(request);

    assertThat(passedOn).hasSize(1);
    assertThat(answered).isEmpty();
    assertThat(received()).isEmpty();
  }

  @Test
  void aReadPipelinedBehindARequestMicronautHasNotAnsweredWaitsForIt() {
    send(
        "POST /push HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"
            + "POST /get-online-features HTTP/1.1\r\nContent-Length: 3\r\n\r\n[1]");
    assertThat(passedOn).containsExactly("POST /push", "POST /get-online-features");

    micronautAnswers("push done");
    micronautAnswers("features by micronaut");
    send("POST /get-online-features HTTP/1.1\r\nContent-Length: 3\r\n\r\n[2]");

    assertThat(answered).containsExactly("[2] null");
    String responses = received();
    assertThat(responses.indexOf("push done"))
        .isLessThan(responses.indexOf("features by micronaut"));
    assertThat(responses.indexOf("features by micronaut"))
        .isLessThan(responses.indexOf("features for [2]"));
  }

  @Test
  void anInterimResponseDoesNotCountAsMicronautsAnswer() {
    send("POST /push HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
    micronaut.writeAndFlush(
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    send("POST /get-online-features HTTP/1.1\r\nContent-Length: 3\r\n\r\n[1]");

    assertThat(passedOn).containsExactly("POST /push", "POST /get-online-features");
    assertThat(answered).isEmpty();
  }

  @Test
  void aConnectionThatCannotTakeMoreOutputLeavesTheRequestToMicronaut() {
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
    // Bytes the client has not read yet, queued below the codec.
    channel.pipeline().firstContext().write(Unpooled.wrappedBuffer(new byte[16]));
    assertThat(channel.isWritable()).isFalse();

    send("POST /get-online-features HTTP/1.1\r\nContent-Length: 3\r\n\r\n[1]");

    assertThat(passedOn).containsExactly("POST /get-online-features");
    assertThat(answered).isEmpty();
  }

  @Test
  void connectionCloseIsHonoured() {
    send("POST /get-online-features HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\n[1]");

    assertThat(received()).contains("connection: close\r\n");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() {
    send(
        "POST /get-online-features HTTP/1.0\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\n[1]");
    assertThat(received()).startsWith("HTTP/1.0 200 OK").contains("connection: keep-alive\r\n");
    assertThat(channel.isOpen()).isTrue();

    send("POST /get-online-features HTTP/1.0\r\nContent-Length: 3\r\n\r\n[2]");
    assertThat(received()).startsWith("HTTP/1.0 200 OK").doesNotContain("keep-alive");
    assertThat(channel.isOpen()).isFalse();
  }

  private void send(String bytes) {
    channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
  }

  private void micronautAnswers(String body) {
    ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    micronaut.writeAndFlush(response);
  }

  /** Everything written to the connection since the last call, as text. */
  private String received() {
    StringBuilder text = new StringBuilder();
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      ByteBuf bytes = (ByteBuf) out;
      text.append(bytes.toString(StandardCharsets.US_ASCII));
      bytes.release();
    }
    return text.toString();
  }
}
