package dev.freshet.runtime.serving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** {@link AccessRules} before any endpoint Micronaut routes runs. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessFilter {
  private final AccessRules rules;

  public AccessFilter(AccessRules rules) {
    this.rules = rules;
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    AccessRules.Refusal refusal = rules.check(request.getPath(), request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    return refusal == null ? null : ErrorResponses.json(refusal.status(), refusal.error(), refusal.message());
  }
}
