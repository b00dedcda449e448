package dev.freshet.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.materialize.MaterializationProgress;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.Channel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a running server, every HTTP connection's pipeline has the out-of-memory handler right before
 * Micronaut's inbound handler, which ends the pipeline: after the request gate and Freshet's read
 * handler, so that what any of them raises or passes on goes through it.
 */
class OutOfMemoryOnConnectionsTest {
  @TempDir Path repo;

  @Test
  void everyConnectionsPipelineEndsWithItAndMicronautsHandler() throws Exception {
    try (FeatureServer server =
        FeatureServer.start(
            Map.of(
                "freshet.repo-path",
                repo.toString(),
                "freshet.serving.bootstrap",
                false,
                "micronaut.server.port",
                -1,
                ConnectionPipelines.ENABLED,
                true),
            new PrintWriter(new StringWriter()),
            MaterializationProgress.SILENT)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

      List<Channel> connections = server.bean(ConnectionPipelines.class).connections();
      assertThat(connections).isNotEmpty();
      for (Channel connection : connections) {
        List<String> handlers = List.copyOf(connection.pipeline().toMap().keySet());
        assertThat(handlers)
            .endsWith(
                ServerGuards.OUT_OF_MEMORY, ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND);
        assertThat(handlers.indexOf(ServerGuards.OUT_OF_MEMORY))
            .isGreaterThan(handlers.indexOf("freshet-gate"))
            .isGreaterThan(handlers.indexOf("freshet-online-features"));
        assertThat(connection.pipeline().get(ServerGuards.OUT_OF_MEMORY))
            .isInstanceOf(OutOfMemory.PipelineHandler.class);
      }
    }
  }
}
