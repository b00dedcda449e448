package dev.freshet.runtime.server.ui;

import dev.freshet.runtime.server.AccessRules.Access;
import dev.freshet.runtime.server.Guarded;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web UI's page and assets, from the jar ({@code freshet-ui/}): one page whose script draws
 * every view from {@link UiDataController}'s JSON and the server's own endpoints. The page needs
 * what feature values need (roles all and read, the read token); the assets hold no data and are
 * served to anyone, so that the page that asks for a token can be drawn too.
 */
@Controller("/ui")
public class UiController {
  private static final Map<String, MediaType> ASSETS =
      Map.of(
          "app.js", MediaType.of("text/javascript;charset=utf-8"),
          "app.css", MediaType.of("text/css;charset=utf-8"));

  private final byte[] page = resource("index.html");

  @Guarded(Access.READ)
  @Get(produces = MediaType.TEXT_HTML)
  public HttpResponse<byte[]> page() {
    return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }

  @Get(uri = "/assets/{name}")
  public HttpResponse<byte[]> asset(@PathVariable String name) {
    MediaType type = ASSETS.get(name);
    if (type == null) {
      return HttpResponse.notFound();
    }
    return HttpResponse.ok(resource(name)).contentType(type).header("Cache-Control", "no-cache");
  }

  private static byte[] resource(String name) {
    try (InputStream in = UiController.class.getResourceAsStream("/freshet-ui/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no freshet-ui/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
