package ${package};

import dev.freshet.annotations.FeatureService;
import dev.freshet.annotations.Select;

/** What the model reads: every feature of {@code customer_stats}. */
@FeatureService(features = @Select(view = CustomerStats.class))
public interface CustomerModel {}
