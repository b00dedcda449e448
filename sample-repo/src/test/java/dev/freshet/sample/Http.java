package dev.freshet.sample;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to a running feature server, as curl or Feast's clients make them. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  record Response(int status, String body) {}

  private Http() {}

  static Response post(URL server, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  static Response get(URL server, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException("cannot call " + request.uri() + ": " + e, e);
    }
  }
}
