package dev.freshet.runtime.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format: requests and latency histograms per
 * endpoint ({@code http_server_requests_seconds}), per feature service ({@code
 * freshet_online_features_seconds}), and the JVM's.
 */
@Controller
public class MetricsController {
  private final PrometheusMeterRegistry registry;

  public MetricsController(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Guarded(AccessRules.Access.MANAGE)
  @Get("/metrics")
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String metrics() {
    return registry.scrape();
  }
}
