package ${package};

import dev.freshet.annotations.FeatureView;

/**
 * A customer's orders and spend over the last 7 days. Each member is a feature and a column of the
 * source: {@code orders7d()} is {@code orders_7d}. Rows older than the ttl are neither materialized
 * nor served; the example's data is from January 2026, so its ttl is ten years.
 */
@FeatureView(entities = Customer.class, source = CustomerStatsSource.class, ttl = "3650d")
public interface CustomerStats {
  long orders7d();

  double spend7d();
}
