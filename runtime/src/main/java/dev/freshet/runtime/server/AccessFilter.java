package dev.freshet.runtime.server;

import dev.freshet.runtime.server.AccessRules.Access;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Optional;

/**
 * {@link AccessRules} before any endpoint Micronaut routes runs. The access asked for is the one of
 * the route Micronaut matched ({@link Guarded} on its method), so the check holds however the
 * request spelt the path: the router, not a string comparison, decides which endpoint it is.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessFilter {
  private final AccessRules rules;

  public AccessFilter(AccessRules rules) {
    this.rules = rules;
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
