package ${package};

import dev.freshet.annotations.Entity;

/** A customer, identified by {@code customer_id}. */
@Entity(description = "customer id")
public interface Customer {
  long customerId();
}
