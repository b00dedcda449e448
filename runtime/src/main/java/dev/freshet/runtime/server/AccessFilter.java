package dev.freshet.runtime.server;

import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.server.AccessRules.Access;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
      @SuppressWarnings("unchecked")
      MutableHttpResponse<Object> answer = (MutableHttpResponse<Object>) response;
      answer.body(Map.of("status", health.get().getStatus().getName()));
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
    AccessRules.Refusal refusal =
        rules.check(access, endpoint, request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    return refusal == null ? null : ErrorResponses.json(refusal.kind(), refusal.message());
  }
}
