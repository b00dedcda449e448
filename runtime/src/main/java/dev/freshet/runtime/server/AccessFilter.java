package dev.freshet.runtime.server;

import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.server.AccessRules.Access;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AccessRules} before any endpoint Micronaut routes runs. The access asked for is the one of
 * the route Micronaut matched ({@link Guarded} on its method), so the check holds however the
 * request spelt the path: the router, not a string comparison, decides which endpoint it is.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessFilter {

  private final AccessRules rules;
  private final boolean publicHealthDetails;

  public AccessFilter(AccessRules rules, ServingConfig serving) {
    this.rules = rules;
    this.publicHealthDetails = serving.isPublicHealthDetails();
  }

  /**
   * {@code /health} answers everyone its status, and its details (store paths and addresses,
   * errors, stream state) only to requests with the management token (the read token when there is
   * none), unless {@code freshet.serving.public-health-details} is true.
   */
  @ResponseFilter
  public void hideHealthDetails(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (publicHealthDetails
        || !RouteAttributes.getRouteInfo(request).map(AccessFilter::isHealth).orElse(false)
        || rules.mayOperate(request.getHeaders().get(HttpHeaders.AUTHORIZATION))) {
      return;
    }
    Optional<HealthResult> health = response.getBody(HealthResult.class);
    if (health.isPresent()) {
      response.body(Map.of("status", health.get().getStatus().getName()));
    }
  }

  /** Micronaut's health endpoint, however the request spelled its path. */
  private static boolean isHealth(RouteInfo<?> route) {
    return route instanceof UriRouteInfo<?, ?> uri
        && uri.getUriMatchTemplate().toPathString().startsWith("/health");
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request);
    Access access =
        route
            .flatMap(r -> r.getAnnotationMetadata().enumValue(Guarded.class, Access.class))
            .orElse(null);
    if (access == null) {
      return null;
    }
    String endpoint =
        route.get() instanceof UriRouteInfo<?, ?> uri
            ? uri.getUriMatchTemplate().toPathString()
            : request.getPath();
    AccessRules.Refusal refusal = rules.check(access, endpoint, authorization(request, endpoint));
    if (refusal == null) {
      return null;
    }
    return route.get().getProduces().contains(MediaType.TEXT_HTML_TYPE)
        ? ErrorResponses.page(refusal.kind(), refusal.message())
        : ErrorResponses.json(refusal.kind(), refusal.message());
  }

  /**
   * The request's {@code Authorization} header; for the UI's GET routes, which a browser opens
   * without one, the token the UI's page stored in the {@value #UI_TOKEN_COOKIE} cookie instead.
   * (The cookie is {@code SameSite=Strict}, and only GETs of {@code /ui} read it, so another site
   * cannot use it to read or write anything.)
   */
  @Nullable
  private static String authorization(HttpRequest<?> request, String endpoint) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header != null || request.getMethod() != HttpMethod.GET || !endpoint.startsWith("/ui")) {
      return header;
    }
    return request
        .getCookies()
        .findCookie(UI_TOKEN_COOKIE)
        .map(
            cookie ->
                "Bearer "
                    + java.net.URLDecoder.decode(
                        cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8))
        .orElse(null);
  }

  /** Where the UI keeps the token its user typed. */
  public static final String UI_TOKEN_COOKIE = "freshet-token";
}
